/**
 * mboxrd: a body line that would read as a message separator ("From ") or
 * as a quoted one (">From ", ">>From "…) gets one more ">" when written, and
 * loses one when read, so every message comes back byte for byte.
 */
const QUOTED_FROM = /^>*From /;
const GT = 0x3e;

/** The prefix to write before a line: ">" for ">*From " lines, nothing otherwise. */
export function needsQuote(lineStart: Buffer): boolean {
  return QUOTED_FROM.test(lineStart.subarray(0, 256).toString('latin1'));
}

/** The line as it was before quoting: one ">" fewer on ">+From " lines. */
export function unquote(line: Buffer): Buffer {
  return line[0] === GT && QUOTED_FROM.test(line.subarray(1, 257).toString('latin1')) ? line.subarray(1) : line;
}

/** "From " at the start of a line: a separator (when it follows a blank line or opens the file). */
export function isFromLine(line: Buffer): boolean {
  return line.subarray(0, 5).toString('latin1') === 'From ';
}

export function isBlankLine(line: Buffer): boolean {
  return (line.length === 1 && line[0] === 0x0a) || (line.length === 2 && line[0] === 0x0d && line[1] === 0x0a);
}
