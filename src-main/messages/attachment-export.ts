import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { WrenError } from '../errors/wren-error';
import { chooseDisplayParts } from '../mime/choose-display-parts';
import { parseSource } from '../mime/parse-source';
import { safeFileName } from '../mime/safe-file-name';
import type { StructurePart } from '../mime/structure';
import type { StoredBlob } from '../store/blob-store';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { downloadToBlob } from './download-to-blob';
import { intactSource } from './message-source';
import type { ImapClient } from '../imap/imap-client';

export interface AttachmentFile {
  filename: string;
  contentType: string;
  blob: StoredBlob;
}

/** Finds an attachment's part in the message tree; only listed attachments may be exported. */
export function attachmentPart(record: MessageRecord, partId: string): StructurePart {
  const part = record.structure ? chooseDisplayParts(record.structure).attachments.find((p: StructurePart) => p.part === partId) : undefined;
  if (!part) throw new WrenError('NotFound', `Message ${record.id} has no attachment ${partId}.`, { messageId: record.id, partId });
  return part;
}

/**
 * The decoded attachment as a blob: from the part cache, or downloaded
 * (decoded by imapflow, streamed to disk, never held whole in memory).
 */
export async function loadAttachment(
  store: Store,
  record: MessageRecord,
  part: StructurePart,
  withImap: <T>(work: (client: ImapClient) => Promise<T>) => Promise<T>,
): Promise<AttachmentFile> {
  const filename = safeFileName(part.filename, part.type);
  const cached = store.bodies.part(record.id, part.part);
  if (cached && store.blobs.intact(cached)) return { filename, contentType: part.type, blob: cached };
  const blob =
    (await partFromCachedSource(store, record, part.part)) ?? (await withImap((imap) => downloadToBlob(imap, store, record, part.part)));
  store.write(() => store.bodies.savePart(record.id, part.part, blob));
  return { filename, contentType: part.type, blob };
}

/**
 * After `sync --bodies` the whole source is cached: the part is cut out of it
 * (streamed, never whole in memory), so attachments save offline too.
 */
async function partFromCachedSource(store: Store, record: MessageRecord, partId: string): Promise<StoredBlob | null> {
  const source = intactSource(store, record);
  if (!source) return null;
  let found: StoredBlob | null = null;
  await parseSource(store.blobs.read(source.blob), {
    onAttachment: async (meta, content) => {
      if (meta.partId === partId) found = await store.blobs.writeStream(content);
    },
  });
  return found;
}

/**
 * Writes an attachment to the path the user chose, or into a folder under
 * its sanitized name without overwriting anything there.
 */
export async function writeAttachment(
  store: Store,
  file: AttachmentFile,
  target: { path: string } | { directory: string },
  options: { mode?: number } = {},
): Promise<string> {
  const path = 'path' in target ? target.path : freeName(target.directory, file.filename);
  await pipeline(store.blobs.read(file.blob.blob), createWriteStream(path, { flags: 'path' in target ? 'w' : 'wx', mode: options.mode }));
  return path;
}

function freeName(directory: string, filename: string): string {
  const dot = filename.lastIndexOf('.');
  const stem = dot > 0 ? filename.slice(0, dot) : filename;
  const extension = dot > 0 ? filename.slice(dot) : '';
  for (let n = 0; ; n += 1) {
    const candidate = join(directory, n === 0 ? filename : `${stem} (${n})${extension}`);
    if (!existsSync(candidate)) return candidate;
  }
}
