/**
 * One POP3 status line: "+OK text", "-ERR [CODE/SUB] text" (RFC 2449 response
 * codes), or "+ data" (a SASL continuation, RFC 5034).
 */
export interface StatusLine {
  kind: 'ok' | 'err' | 'continue';
  /** The RFC 2449 response code without brackets, upper-cased (e.g. 'IN-USE', 'SYS/TEMP'), or null. */
  code: string | null;
  /** What follows the status word and the code. */
  text: string;
}

const RESPONSE_CODE = /^\[([^\]\s]+)\]\s*/;

/** `line` is without its CRLF; status lines are ASCII, anything else is read as Latin-1 so no byte is lost. */
export function parseStatusLine(line: Buffer): StatusLine | null {
  const text = line.toString('latin1');
  if (text === '+' || text.startsWith('+ ')) return { kind: 'continue', code: null, text: text.slice(2) };
  const kind = text.startsWith('+OK') ? 'ok' : text.startsWith('-ERR') ? 'err' : null;
  if (!kind) return null;
  const rest = text.slice(kind === 'ok' ? 3 : 4);
  // "+OKAY" is not a status; the word must end the line or be followed by a space.
  if (rest !== '' && !rest.startsWith(' ')) return null;
  const body = rest.trimStart();
  const match = RESPONSE_CODE.exec(body);
  return match ? { kind, code: match[1]!.toUpperCase(), text: body.slice(match[0].length) } : { kind, code: null, text: body };
}
