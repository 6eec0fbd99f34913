import { fetchParts } from '../imap/fetch-parts';
import type { ImapClient } from '../imap/imap-client';
import { withFolder } from '../imap/with-folder';
import { chooseDisplayParts } from '../mime/choose-display-parts';
import { decodeText, decodeTransfer } from '../mime/decode-part';
import { htmlWithInlineImages } from '../mime/inline-images';
import type { StructurePart } from '../mime/structure';
import type { CachedBody } from '../store/bodies-repo';

/** Inline images are embedded into the cached HTML only up to this total, the rest stay as attachments. */
const INLINE_IMAGE_BUDGET = 5 * 1024 * 1024;

/**
 * Fetches only what reading needs, with BODY.PEEK so nothing is marked read
 * as a side effect: the text and HTML parts and small cid: images, all in
 * one FETCH, then decodes them here (transfer encoding, then charset).
 */
export async function fetchDisplayBody(client: ImapClient, folderPath: string, uid: number, structure: StructurePart): Promise<CachedBody> {
  const { text, html, inlineImages } = chooseDisplayParts(structure);
  const images = pickWithinBudget(inlineImages);
  const wanted = [text, html, ...images].filter((p): p is StructurePart => p !== null);
  if (wanted.length === 0) return { text: null, html: null, warnings: [] };
  const parts = await withFolder(client, folderPath, () => fetchParts(client, uid, wanted.map((p) => p.part)), { readOnly: true });
  const warnings: string[] = [];
  const decode = (part: StructurePart | null): string | null => {
    if (!part) return null;
    const raw = parts.get(part.part);
    if (!raw) return null;
    const bytes = decodeTransfer(raw, part.encoding);
    const decoded = decodeText(bytes.bytes, part.parameters.charset ?? null);
    warnings.push(...bytes.warnings, ...decoded.warnings);
    return decoded.text;
  };
  const htmlText = decode(html);
  const imageData = new Map<string, { contentType: string; data: Buffer }>();
  for (const image of images) {
    const raw = parts.get(image.part);
    if (raw && image.contentId) imageData.set(image.contentId, { contentType: image.type, data: decodeTransfer(raw, image.encoding).bytes });
  }
  return { text: decode(text), html: htmlText === null ? null : htmlWithInlineImages(htmlText, imageData), warnings };
}

function pickWithinBudget(images: StructurePart[]): StructurePart[] {
  let budget = INLINE_IMAGE_BUDGET;
  return images.filter((image) => {
    if (!image.contentId || image.size > budget) return false;
    budget -= image.size;
    return true;
  });
}
