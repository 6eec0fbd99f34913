/** Long enough to recognise what answered (an IMAP or HTTP greeting, a broken listing line), short enough for a status line. */
const MAX_CHARS = 120;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;

/**
 * A line a server sent that broke its protocol, as a user may be shown it:
 * read as Latin-1 (every byte a character, none lost), control characters
 * written as \xNN so a NUL or an escape sequence cannot garble a terminal or
 * hide text, cut to at most MAX_CHARS characters, then "…".
 */
export function serverLineExcerpt(line: Buffer | string): string {
  // Only the beginning is ever decoded: a 64 KB garbage "line" costs no more than a short one.
  const text = typeof line === 'string' ? line.slice(0, MAX_CHARS + 1) : line.subarray(0, MAX_CHARS + 1).toString('latin1');
  let shown = '';
  for (const char of text) {
    const piece = CONTROL.test(char) ? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}` : char;
    if (shown.length + piece.length > MAX_CHARS) return `${shown}…`;
    shown += piece;
  }
  return shown;
}
