import type { ImapFlow } from 'imapflow';
import { parseSourceFileInWorker } from '../mime/parse-in-worker';
import type { CachedBody } from '../store/bodies-repo';
import type { StoredBlob } from '../store/blob-store';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { downloadToBlob } from './download-to-blob';

/** Streams the whole message from the server into the blob store and remembers it. */
export async function fetchSource(client: ImapFlow, store: Store, record: MessageRecord): Promise<StoredBlob> {
  const stored = await downloadToBlob(client, store, record);
  store.write(() => {
    store.bodies.saveSource(record.id, stored);
    store.messages.setBodyState(record.id, 'full');
  });
  return stored;
}

/** Parses a cached source off the main thread (a 50 MB message must not freeze the window). */
export async function bodyFromSource(store: Store, source: StoredBlob): Promise<CachedBody> {
  const parsed = await parseSourceFileInWorker(store.blobs.pathOf(source.blob));
  return { text: parsed.text, html: parsed.html, warnings: parsed.warnings };
}
