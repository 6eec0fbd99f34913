import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ComposeAttachment } from '../ipc/compose-shapes';
import type { AttachmentStaging } from '../outbox/attachment-staging';

/** An answer quotes at most this many pictures, and this many bytes of them: the rest are left out of the quote. */
const MOST_PICTURES = 20;
const MOST_BYTES = 10 * 1024 * 1024;
const PICTURE_URL = /^data:(image\/(?:png|jpeg|gif|webp|bmp));base64,([A-Za-z0-9+/=\s]+)$/i;
const SRC_ATTRIBUTE = /<img\b[^>]*?\bsrc\s*=\s*(["'])(data:image\/[^"']+)\1/gi;

export interface QuotedPictures {
  /** The data: URL as written in the HTML → the Content-ID its staged part now has. */
  contentIds: Map<string, string>;
  attachments: ComposeAttachment[];
}

/**
 * The pictures an answer's quote shows, as parts of its own. The reading cache keeps a mail's inline images as
 * data: URLs in its HTML (mime/inline-images.ts), which a sent message must not carry: many readers (Gmail,
 * Outlook) do not show them. So each is staged as a file with a fresh Content-ID and the quote names it by cid:,
 * as Thunderbird's reply does, and the composer shows and sends it like a picture the user pasted.
 */
export async function stageQuotedPictures(html: string, staging: AttachmentStaging): Promise<QuotedPictures> {
  const found = new Map<string, string>();
  const attachments: ComposeAttachment[] = [];
  let bytes = 0;
  for (const [, , url] of html.matchAll(SRC_ATTRIBUTE)) {
    if (found.has(url!) || attachments.length >= MOST_PICTURES) continue;
    const picture = PICTURE_URL.exec(url!);
    if (!picture) continue;
    const content = Buffer.from(picture[2]!, 'base64');
    if (content.length === 0 || bytes + content.length > MOST_BYTES) continue;
    bytes += content.length;
    const contentType = picture[1]!.toLowerCase();
    const contentId = `${randomUUID()}@wren`;
    const { stagedId, size } = await staging.stageStream(Readable.from([content]));
    attachments.push({ stagedId, filename: `picture-${attachments.length + 1}.${contentType.slice(6)}`, contentType, size, contentId });
    found.set(url!, contentId);
  }
  return { contentIds: found, attachments };
}
