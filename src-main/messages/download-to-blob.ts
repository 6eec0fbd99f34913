import type { ImapFlow } from 'imapflow';
import { DOWNLOAD_CHUNK_BYTES } from '../imap/download-chunk';
import { WrenError } from '../errors/wren-error';
import type { StoredBlob } from '../store/blob-store';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';

/**
 * Streams a message's whole source (no part) or one decoded part from the
 * server into the blob store, under a read-only lock of its folder; never
 * held whole in memory.
 */
export async function downloadToBlob(client: ImapFlow, store: Store, record: MessageRecord, part?: string): Promise<StoredBlob> {
  const lock = await client.getMailboxLock(record.folderPath, { readOnly: true });
  try {
    const { content } = await client.download(String(record.uid), part, { uid: true, chunkSize: DOWNLOAD_CHUNK_BYTES });
    if (!content) throw new WrenError('NotFound', 'The message is no longer on the server.', { messageId: record.id });
    return await store.blobs.writeStream(content);
  } finally {
    lock.release();
  }
}
