/**
 * One header field as it was on the wire: lower-case name, unfolded value as
 * Latin-1 text, one character per byte, so 8-bit bytes survive for
 * decodeHeaderValue to judge (Buffer.from(value, 'latin1') gives them back).
 * Text rather than a Buffer: most fields are ASCII and read as text anyway,
 * and a Buffer per line was a tenth of a header sync's decoding time.
 */
export interface RawHeader {
  name: string;
  value: string;
}

const WHITE_SPACE = /\s/;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Where the header block of `raw` ends: at the line break before the first
 * empty line (the CR of a CRLF included), or the end when there is none.
 * Found in the bytes, so only the headers become text: values sliced out of
 * a string of the whole message would keep all of it alive (a memoized
 * subject pinned its 5 MB message).
 */
function headerEnd(raw: Buffer): number {
  for (let lf = raw.indexOf(LF); lf >= 0; lf = raw.indexOf(LF, lf + 1)) {
    const next = raw[lf + 1] === CR ? lf + 2 : lf + 1;
    if (raw[next] === LF) return lf > 0 && raw[lf - 1] === CR ? lf - 1 : lf;
  }
  return raw.length;
}

/** Splits a line into name and value; null for a line without a colon (junk, mbox "From "). */
function splitField(line: string): RawHeader | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const name = line.slice(0, colon).trim().toLowerCase();
  if (!name || WHITE_SPACE.test(name)) return null;
  return { name, value: line.slice(colon + 1) };
}

/** A line starting with a space or tab continues the one before (RFC 5322 folding). */
function isContinuation(line: string): boolean {
  return line.startsWith(' ') || line.startsWith('\t');
}

/**
 * Reads the header block at the start of `raw` (a whole message or just the
 * header lines an IMAP FETCH of HEADER.FIELDS returns) without decoding
 * anything. Works on latin1 text because that maps every byte to one
 * character and back. Lines end at LF, a CR before it dropped, and a folded
 * line is joined to the one before without the line break (its leading white
 * space kept); done in one pass, as this runs for every message synced.
 */
export function splitHeaderBlock(raw: Buffer): RawHeader[] {
  const fields: RawHeader[] = [];
  const pieces = raw.toString('latin1', 0, headerEnd(raw)).split('\n');
  let current: string | null = null;
  for (const [i, piece] of pieces.entries()) {
    // A CR is part of the line end only before an LF: the last piece had none.
    const line = i < pieces.length - 1 && piece.endsWith('\r') ? piece.slice(0, -1) : piece;
    if (current !== null && isContinuation(line)) {
      current += line;
      continue;
    }
    const field = current === null ? null : splitField(current);
    if (field) fields.push(field);
    current = line;
  }
  const last = current === null ? null : splitField(current);
  if (last) fields.push(last);
  return fields;
}

/** The value of the first header called `name`, or null. */
export function firstHeader(headers: RawHeader[], name: string): string | null {
  for (const header of headers) if (header.name === name) return header.value;
  return null;
}
