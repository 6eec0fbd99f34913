import { WrenError } from '../errors/wren-error';
import { downloadMessage } from '../imap/download-message';
import type { ImapClient } from '../imap/imap-client';
import { withFolder } from '../imap/with-folder';
import type { StoredBlob } from '../store/blob-store';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';

/**
 * Streams a message's whole source (no part) or one decoded part from the
 * server into the blob store, under a read-only lock of its folder; never
 * held whole in memory.
 */
export function downloadToBlob(client: ImapClient, store: Store, record: MessageRecord, part?: string): Promise<StoredBlob> {
  return withFolder(client, record.folderPath, async () => {
    const content = await downloadMessage(client, record.uid!, part);
    if (!content) throw new WrenError('NotFound', 'The message is no longer on the server.', { messageId: record.id });
    return await store.blobs.writeStream(content);
  }, { readOnly: true });
}
