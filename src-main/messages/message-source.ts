import type { ImapFlow } from 'imapflow';
import { WrenError } from '../errors/wren-error';
import { parseSourceFileInWorker } from '../mime/parse-in-worker';
import type { CachedBody } from '../store/bodies-repo';
import type { StoredBlob } from '../store/blob-store';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';

/** Streams the whole message from the server into the blob store and remembers it. */
export async function fetchSource(client: ImapFlow, store: Store, record: MessageRecord): Promise<StoredBlob> {
  const lock = await client.getMailboxLock(record.folderPath, { readOnly: true });
  try {
    const { content } = await client.download(String(record.uid), undefined, { uid: true });
    if (!content) throw new WrenError('NotFound', 'The message is no longer on the server.', { messageId: record.id });
    const stored = await store.blobs.writeStream(content);
    store.write(() => {
      store.bodies.saveSource(record.id, stored);
      store.messages.setBodyState(record.id, 'full');
    });
    return stored;
  } finally {
    lock.release();
  }
}

/** Parses a cached source off the main thread (a 50 MB message must not freeze the window). */
export async function bodyFromSource(store: Store, source: StoredBlob): Promise<CachedBody> {
  const parsed = await parseSourceFileInWorker(store.blobs.pathOf(source.blob));
  return { text: parsed.text, html: parsed.html, warnings: parsed.warnings };
}
