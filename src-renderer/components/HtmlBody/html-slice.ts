/**
 * How much of a mail's HTML is sanitized and rendered at first. Ordinary mail
 * fits whole; a multi-megabyte newsletter would otherwise hold the UI thread
 * for seconds in the sanitizer and fetch thousands of images at once.
 */
export const FIRST_SLICE_CHARS = 256 * 1024;

/** Each step of "show the rest" renders this many times more, so a 5 MB mail takes four steps. */
const GROWTH = 4;

/**
 * The first `limit` characters of `html`, cut just after a tag's `>` so no
 * text is split mid-word. Whatever the cut leaves open (an element, an
 * attribute, a comment) the sanitizer's parser closes or drops at the end, as
 * for any truncated document.
 */
export function htmlPrefix(html: string, limit: number): string {
  if (html.length <= limit) return html;
  const lastTagEnd = html.lastIndexOf('>', limit - 1);
  return html.slice(0, lastTagEnd > 0 ? lastTagEnd + 1 : limit);
}

export function nextSliceLimit(limit: number): number {
  return limit * GROWTH;
}
