import { parseSourceFileInWorker } from '../mime/parse-in-worker';
import type { ParsedAttachment } from '../mime/parse-source';
import type { CachedBody } from '../store/bodies-repo';
import type { StoredBlob } from '../store/blob-store';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { downloadToBlob } from './download-to-blob';
import type { ImapClient } from '../imap/imap-client';

/** Streams the whole message from the server into the blob store and remembers it. */
export async function fetchSource(client: ImapClient, store: Store, record: MessageRecord): Promise<StoredBlob> {
  const stored = await downloadToBlob(client, store, record);
  store.write(() => {
    store.bodies.saveSource(record.id, stored);
    store.messages.setBodyState(record.id, 'full');
  });
  return stored;
}

/**
 * The cached source, if its file is whole (the size recorded with it). A
 * damaged or missing file is forgotten, so that it is fetched again (at once
 * when the server can be reached, else by the next `sync --bodies`) rather
 * than shown as garbage.
 */
export function intactSource(store: Store, record: MessageRecord): StoredBlob | undefined {
  const source = store.bodies.source(record.id);
  if (!source || store.blobs.intact(source)) return source;
  store.write(() => {
    store.bodies.forgetSource(record.id);
    store.messages.setBodyState(record.id, store.bodies.body(record.id) ? 'text' : 'none');
  });
  return undefined;
}

/** Parses a cached source off the main thread (a 50 MB message must not freeze the window). */
export async function bodyFromSource(store: Store, source: StoredBlob): Promise<CachedBody & { attachments: ParsedAttachment[] }> {
  const parsed = await parseSourceFileInWorker(store.blobs.pathOf(source.blob));
  return { text: parsed.text, html: parsed.html, warnings: parsed.warnings, attachments: parsed.attachments };
}
