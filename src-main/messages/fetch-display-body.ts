import { fetchParts } from '../imap/fetch-parts';
import type { ImapClient } from '../imap/imap-client';
import { withFolder } from '../imap/with-folder';
import { chooseDisplayParts, isInlineMessage } from '../mime/choose-display-parts';
import { decodeTransfer } from '../mime/decode-part';
import { htmlWithInlineImages } from '../mime/inline-images';
import type { StructurePart } from '../mime/structure';
import type { CachedBody } from '../store/bodies-repo';
import { composeDisplayBody, readPiece, type Piece } from './display-body-pieces';

/** Inline images are embedded into the cached HTML only up to this total, the rest stay as attachments. */
const INLINE_IMAGE_BUDGET = 5 * 1024 * 1024;

/**
 * A forwarded message is fetched whole to be shown in place (its headers and text) only up to this size: a
 * bigger one is mostly its attachments, downloaded only when the .eml is saved or opened. It stays listed.
 */
export const INLINE_MESSAGE_MAX_BYTES = 2 * 1024 * 1024;

function fetchable(part: StructurePart): boolean {
  return !isInlineMessage(part) || part.size <= INLINE_MESSAGE_MAX_BYTES;
}

/**
 * Fetches only what reading needs, with BODY.PEEK so nothing is marked read
 * as a side effect: the text and HTML parts, forwarded messages shown in
 * place, and small cid: images, all in one FETCH, then decodes them here
 * (transfer encoding, then charset) and joins them in order (see
 * display-body-pieces.ts).
 */
export async function fetchDisplayBody(client: ImapClient, folderPath: string, uid: number, structure: StructurePart): Promise<CachedBody> {
  const chosen = chooseDisplayParts(structure);
  const images = pickWithinBudget(chosen.inlineImages);
  const shown = [...new Set([...chosen.text, ...chosen.html])].filter(fetchable);
  const wanted = [...shown, ...images];
  if (wanted.length === 0) return { text: null, html: null, warnings: [] };
  const raw = await withFolder(client, folderPath, () => fetchParts(client, uid, wanted.map((p) => p.part)), { readOnly: true });
  const warnings: string[] = [];
  const pieces = new Map<string, Piece>();
  for (const part of shown) {
    const bytes = raw.get(part.part);
    if (bytes) pieces.set(part.part, await readPiece(part, bytes, warnings));
  }
  const imageData = new Map<string, { contentType: string; data: Buffer }>();
  for (const image of images) {
    const bytes = raw.get(image.part);
    if (bytes && image.contentId) imageData.set(image.contentId, { contentType: image.type, data: decodeTransfer(bytes, image.encoding).bytes });
  }
  const body = await composeDisplayBody(chosen, pieces, (html) => htmlWithInlineImages(html, imageData));
  return { ...body, warnings };
}

function pickWithinBudget(images: StructurePart[]): StructurePart[] {
  let budget = INLINE_IMAGE_BUDGET;
  return images.filter((image) => {
    if (!image.contentId || image.size > budget) return false;
    budget -= image.size;
    return true;
  });
}
