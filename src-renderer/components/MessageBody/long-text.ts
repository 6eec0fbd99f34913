/** How much of a long text is drawn at first, and then per step of "Show the rest". */
export const SHOWN_AT_ONCE = 256 * 1024;

/**
 * The longest run of text drawn as one paragraph. Chromium lays out a paragraph of megabytes (a 4 MB mail
 * written as one line) for minutes, the whole window frozen; blocks of this size take milliseconds each.
 */
export const BLOCK_CHARS = 16 * 1024;

/**
 * Where the part of `text` from `from`, at most `size` characters and never past `end`, stops: just after its
 * last line break in its second half, so a line is seldom cut, else at `size`, never between the two halves of
 * a surrogate pair (a Chinese extension character, an emoji). Only that second half is scanned, as a text of
 * one line would be scanned whole for every block.
 */
export function partEnd(text: string, from: number, size: number, end = text.length): number {
  if (end - from <= size) return end;
  const limit = from + size;
  for (let at = limit - 1; at >= from + size / 2; at -= 1) {
    if (text.charCodeAt(at) === 10) return at + 1;
  }
  return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

/** text from `from` to `to` in blocks of at most `size` characters, cut as partEnd cuts. */
export function textBlocks(text: string, from: number, to: number, size = BLOCK_CHARS): string[] {
  const blocks: string[] = [];
  for (let at = from; at < to; ) {
    const stop = partEnd(text, at, size, to);
    blocks.push(text.slice(at, stop));
    at = stop;
  }
  return blocks;
}

/** The size of text from `from` to `to` in UTF-8, as the message's size is told (a Chinese character is 3 bytes). */
export function utf8Bytes(text: string, from = 0, to = text.length): number {
  let bytes = 0;
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isHighSurrogate(code) && at + 1 < to) {
      bytes += 4;
      at += 1;
    } else bytes += 3;
  }
  return bytes;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
