/** A piece of a line: a whole line with its "\n", or a part of a very long one. */
export interface LinePiece {
  bytes: Buffer;
  /** Whether the piece starts a line (only the first piece of a long line does). */
  lineStart: boolean;
}

/** Longer lines are handed on in pieces of this size, so a file without newlines never sits in memory whole. */
export const MAX_PIECE = 64 * 1024;

/**
 * Splits a byte stream into lines ending in "\n" (CR bytes kept as they are),
 * wherever the chunk boundaries fall. The last line may lack its "\n".
 */
export async function* byteLines(source: AsyncIterable<Buffer | string>): AsyncGenerator<LinePiece> {
  let rest: Buffer = Buffer.alloc(0);
  let restStartsLine = true;
  for await (const chunk of source) {
    const data = rest.length ? Buffer.concat([rest, Buffer.from(chunk)]) : Buffer.from(chunk);
    let start = 0;
    for (let end = data.indexOf(0x0a); end !== -1; end = data.indexOf(0x0a, start)) {
      yield { bytes: data.subarray(start, end + 1), lineStart: start === 0 ? restStartsLine : true };
      start = end + 1;
    }
    const lineStart: boolean = start === 0 ? restStartsLine : true;
    rest = data.subarray(start);
    restStartsLine = lineStart;
    while (rest.length >= MAX_PIECE) {
      yield { bytes: rest.subarray(0, MAX_PIECE), lineStart: restStartsLine };
      rest = rest.subarray(MAX_PIECE);
      restStartsLine = false;
    }
    rest = Buffer.from(rest); // let go of the concatenated chunk
  }
  if (rest.length) yield { bytes: rest, lineStart: restStartsLine };
}
