import type { ComposeAttachment } from '../ipc/compose-shapes';
import { loadAttachment } from '../messages/attachment-export';
import type { MessageReader } from '../messages/message-reader';
import { chooseDisplayParts } from '../mime/choose-display-parts';
import { parseSource } from '../mime/parse-source';
import { safeFileName } from '../mime/safe-file-name';
import type { AttachmentStaging } from '../outbox/attachment-staging';
import type { Store } from '../store/store';

const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

export function safeContentType(type: string): string {
  const bare = type.split(';')[0]!.trim().toLowerCase();
  return CONTENT_TYPE.test(bare) ? bare : 'application/octet-stream';
}

/**
 * The attachments of a stored message, copied into staging (streamed from
 * the blob store or the server) so a forward or a reopened draft sends them
 * again without the renderer ever holding their bytes.
 */
export async function stageAttachmentsOf(
  store: Store, reader: MessageReader, staging: AttachmentStaging, messageId: number, options: { keepContentIds: boolean },
): Promise<ComposeAttachment[]> {
  const record = reader.requireMessage(messageId);
  if (!record.structure) return [];
  const parts = chooseDisplayParts(record.structure).attachments;
  const staged: ComposeAttachment[] = [];
  for (const part of parts) {
    const file = await loadAttachment(store, record, part, reader.imapFor(record));
    const { stagedId, size } = await staging.stageStream(store.blobs.read(file.blob.blob));
    const contentId = options.keepContentIds && part.contentId ? part.contentId.replace(/^<|>$/g, '') : null;
    staged.push({ stagedId, filename: file.filename.slice(0, 255), contentType: safeContentType(file.contentType), size, contentId });
  }
  return staged;
}

/** The whole original as one message/rfc822 attachment (forward as attachment). */
export async function stageSourceOf(reader: MessageReader, staging: AttachmentStaging, messageId: number, subject: string): Promise<ComposeAttachment> {
  const { stream } = await reader.source(messageId);
  const { stagedId, size } = await staging.stageStream(stream);
  const name = (subject.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() || 'message').slice(0, 200);
  return { stagedId, filename: `${name}.eml`, contentType: 'message/rfc822', size, contentId: null };
}

/**
 * Every attachment of a stored message's source, staged (a draft reopened:
 * its files go back into the composer, inline images keep their cid), and
 * its HTML as written, naming those images by `cid:` (the cached body may
 * have them as data: URLs, which the composer could not tie to their parts).
 */
export async function stageAttachmentsFromSource(
  reader: MessageReader, staging: AttachmentStaging, messageId: number,
): Promise<{ attachments: ComposeAttachment[]; html: string | null }> {
  const { stream } = await reader.source(messageId);
  const staged: ComposeAttachment[] = [];
  const failures: unknown[] = [];
  const parsed = await parseSource(stream, {
    onAttachment: async (meta, content) => {
      try {
        const { stagedId, size } = await staging.stageStream(content);
        const filename = safeFileName(meta.filename, meta.contentType).slice(0, 255);
        const contentId = meta.inline && meta.contentId ? meta.contentId.replace(/^<|>$/g, '') : null;
        staged.push({ stagedId, filename, contentType: safeContentType(meta.contentType), size, contentId });
      } catch (error) {
        failures.push(error);
      }
    },
  });
  // parseSource turns a failed attachment into a warning; a draft must not reopen without its files.
  if (failures.length) throw failures[0];
  return { attachments: staged, html: parsed.html };
}
