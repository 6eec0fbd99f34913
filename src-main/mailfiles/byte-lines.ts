/** A piece of a line: a whole line with its "\n", or a part of a very long one. */
export interface LinePiece {
  bytes: Buffer;
  /** Whether the piece starts a line (only the first piece of a long line does). */
  lineStart: boolean;
}

/** Longer lines are handed on in pieces of about this size, so a file without newlines never sits in memory whole. */
export const MAX_PIECE = 64 * 1024;

/**
 * Splits a byte stream into lines ending in "\n" (CR bytes kept as they are),
 * wherever the chunk boundaries fall. The last line may lack its "\n". A
 * piece is at most MAX_PIECE plus one chunk long.
 */
export async function* byteLines(source: AsyncIterable<Buffer | string>): AsyncGenerator<LinePiece> {
  let pending: Buffer[] = []; // the start of the current line, not yet handed on
  let pendingSize = 0;
  let pendingStartsLine = true;
  const takePending = (tail: Buffer): LinePiece => {
    const piece = { bytes: pending.length ? Buffer.concat([...pending, tail]) : tail, lineStart: pendingStartsLine };
    pending = [];
    pendingSize = 0;
    return piece;
  };
  for await (const raw of source) {
    const chunk = Buffer.from(raw);
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      yield start === 0 ? takePending(chunk.subarray(0, end + 1)) : { bytes: chunk.subarray(start, end + 1), lineStart: true };
      pendingStartsLine = true;
      start = end + 1;
    }
    if (start < chunk.length) {
      pending.push(start === 0 ? chunk : chunk.subarray(start));
      pendingSize += chunk.length - start;
    }
    if (pendingSize >= MAX_PIECE) {
      yield takePending(Buffer.alloc(0));
      pendingStartsLine = false;
    }
  }
  if (pendingSize) yield takePending(Buffer.alloc(0));
}
