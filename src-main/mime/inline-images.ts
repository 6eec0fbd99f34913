/** Images larger than this stay cid: links (the reader shows them as attachments). */
export const MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024;
/** All data: URLs together stay under this, so a message repeating one image cannot blow up the HTML. */
const MAX_TOTAL_URL_CHARS = 20 * 1024 * 1024;

export interface InlineImage {
  contentType: string;
  data: Buffer;
}

/** cid: URLs are URL-encoded Content-IDs (RFC 2392); senders do and do not encode them. */
function lookup(images: Map<string, InlineImage>, reference: string): InlineImage | undefined {
  let decoded = reference;
  try {
    decoded = decodeURIComponent(reference);
  } catch {
    // a lone "%" is not an escape; keep the reference as written
  }
  return images.get(reference) ?? images.get(decoded) ?? images.get(decoded.replace(/^<|>$/g, ''));
}

/** A raster image as a data: URL, or null for anything else (SVG included) and for one over 5 MB. */
export function imageDataUrl(image: InlineImage | undefined): string | null {
  const type = image?.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!image || !/^image\/[a-z0-9.+-]+$/.test(type) || type === 'image/svg+xml' || image.data.length > MAX_INLINE_IMAGE_BYTES) return null;
  return `data:${type};base64,${image.data.toString('base64')}`;
}

/**
 * Replaces cid: references in HTML with data: URLs of the matching images.
 * Only raster image types are inlined (a data: URL of another type, SVG
 * included, can carry script if it lands outside an <img>), each at most
 * 5 MB; anything else keeps its cid: link.
 * `images` is keyed by Content-ID without angle brackets.
 */
export function htmlWithInlineImages(html: string, images: Map<string, InlineImage>): string {
  if (images.size === 0) return html;
  const urls = new Map<string, string | null>();
  let total = 0;
  return html.replace(/\bcid:([^'"\s)>]+)/gi, (match, reference: string) => {
    if (!urls.has(reference)) urls.set(reference, imageDataUrl(lookup(images, reference)));
    const url = urls.get(reference);
    // Counted per occurrence: one image referenced a thousand times is a thousand copies.
    if (!url || total + url.length > MAX_TOTAL_URL_CHARS) return match;
    total += url.length;
    return url;
  });
}
