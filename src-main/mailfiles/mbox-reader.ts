import { byteLines } from './byte-lines';
import { isBlankLine, isFromLine, unquote } from './mboxrd-quoting';

/** What reading an mbox gives: a new message begins, or more of its bytes (unquoted). */
export type MboxPiece = { kind: 'start'; separator: string } | { kind: 'data'; bytes: Buffer };

/**
 * Reads an mbox (mboxrd, or mboxo as other programs write it) as a stream:
 * a "From " line at the start of the file or after a blank line starts a
 * message; that blank line belongs to the format, not to the message before
 * it (nor does the file's last one). Memory holds one line piece at a time.
 */
export async function* readMbox(source: AsyncIterable<Buffer | string>): AsyncGenerator<MboxPiece> {
  let held: Buffer | null = null; // a blank line, until the next line says whether it was the separator's
  let first = true;
  let inMessage = false;
  for await (const { bytes, lineStart } of byteLines(source)) {
    if (lineStart && isFromLine(bytes) && (first || held !== null)) {
      held = null;
      inMessage = true;
      first = false;
      yield { kind: 'start', separator: bytes.toString('latin1').trimEnd() };
      continue;
    }
    first = false;
    if (held) {
      if (inMessage) yield { kind: 'data', bytes: held };
      held = null;
    }
    if (lineStart && isBlankLine(bytes)) {
      held = Buffer.from(bytes);
      continue;
    }
    if (inMessage) yield { kind: 'data', bytes: lineStart ? unquote(bytes) : bytes };
  }
}

/** Whether a file's first bytes look like an mbox (a "From " line) rather than one message. */
export function looksLikeMbox(head: Buffer): boolean {
  return /^From \S*/.test(head.subarray(0, 64).toString('latin1'));
}

/**
 * Whether a file's first bytes start like one message (a header field,
 * possibly after blank lines), so a picture or a document picked by mistake
 * is refused instead of stored as a message of garbage.
 */
export function looksLikeMessage(head: Buffer): boolean {
  return /^(?:\r?\n)*[!-9;-~]+[ \t]*:/.test(head.toString('latin1'));
}
