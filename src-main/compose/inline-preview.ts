import { readFile } from 'node:fs/promises';
import { imageDataUrl, MAX_INLINE_IMAGE_BYTES } from '../mime/inline-images';
import type { AttachmentStaging } from '../outbox/attachment-staging';

/**
 * A staged inline image as the composer shows it: a data: URL (the page loads no other kind of image for a message
 * being written). Only raster types up to 5 MB, as the reader embeds them; anything else answers null and stays a
 * `cid:` reference, still sent, drawn as an empty image.
 */
export async function stagedImagePreview(staging: AttachmentStaging, stagedId: string, contentType: string): Promise<{ url: string | null }> {
  if (staging.require(stagedId).size > MAX_INLINE_IMAGE_BYTES) return { url: null };
  return { url: imageDataUrl({ contentType, data: await readFile(staging.pathOf(stagedId)) }) };
}
