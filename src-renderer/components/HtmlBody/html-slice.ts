/**
 * How much of a mail's HTML is sanitized and rendered at first, and then per
 * step of "show the rest". Ordinary mail fits in one slice; a multi-megabyte
 * newsletter sanitized whole would hold the UI thread for seconds.
 */
export const SLICE_CHARS = 256 * 1024;

/** An element still open where a slice ends: it is reopened at the start of the next one. */
interface OpenTag {
  name: string;
  attributes: string;
}

export interface HtmlSlice {
  /** The slice's source, prefixed with the elements open where it starts, so a table row stays in its table. */
  html: string;
  /** Where the next slice starts in the source, or null when this one is the last. */
  next: SliceStart | null;
}

export interface SliceStart {
  offset: number;
  openTags: OpenTag[];
}

export const FIRST_SLICE: SliceStart = { offset: 0, openTags: [] };

// A comment, or a tag with its attributes (quoted values may hold ">").
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['style', 'script', 'textarea', 'title', 'xmp', 'noscript', 'noembed', 'noframes', 'iframe']);
/** The sanitizer gives every slice its own body; these are not reopened. */
const DOCUMENT_LEVEL = new Set(['html', 'head', 'body']);

/**
 * The slice of `html` from `start`, about `size` characters, ending just
 * after a whole tag. The open elements are found with a light tag scan: it
 * only decides where slices meet and what is reopened, never what is safe;
 * each slice goes through the sanitizer on its own.
 */
export function htmlSlice(html: string, start: SliceStart, size = SLICE_CHARS): HtmlSlice {
  const reopened = start.openTags.map((tag) => `<${tag.name}${tag.attributes}>`).join('');
  if (html.length - start.offset <= size) return { html: reopened + html.slice(start.offset), next: null };
  const limit = start.offset + size;
  const openTags = [...start.openTags];
  let end = start.offset;
  TAG.lastIndex = start.offset;
  for (let match = TAG.exec(html); match && TAG.lastIndex <= limit; match = TAG.exec(html)) {
    end = TAG.lastIndex;
    const [, closing, rawName, attributes] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (closing) closeTag(openTags, name);
    else if (RAW_TEXT.has(name)) end = TAG.lastIndex = skipRawText(html, name, TAG.lastIndex);
    else if (!VOID.has(name) && !DOCUMENT_LEVEL.has(name) && !attributes?.trimEnd().endsWith('/')) openTags.push({ name, attributes: attributes ?? '' });
  }
  if (end === start.offset) end = limit; // one enormous run of text: cut it anywhere
  return { html: reopened + html.slice(start.offset, end), next: { offset: end, openTags } };
}

function closeTag(openTags: OpenTag[], name: string): void {
  const index = openTags.map((tag) => tag.name).lastIndexOf(name);
  if (index >= 0) openTags.length = index;
}

function skipRawText(html: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}`, 'gi');
  closing.lastIndex = from;
  const close = closing.exec(html);
  if (!close) return html.length;
  const end = html.indexOf('>', close.index);
  return end < 0 ? html.length : end + 1;
}
