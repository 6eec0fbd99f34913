import { importedHeaders } from '../mailfiles/imported-headers';
import { MESSAGE_HEAD_BYTES } from '../store/blob-store';
import type { Store } from '../store/store';
import type { OutboxRecord } from '../store/outbox-repo';

/** Where a POP3 account keeps its sent mail: a folder of this device only, as its Drafts. */
export const LOCAL_SENT = 'Sent';


/**
 * Files the Sent copy of a POP3 account's message in its local Sent folder
 * (made on first use). The copy is the outbox's own blob (written out for a
 * message the outbox kept in the database), so its source is
 * byte for byte what went to the server (no Bcc: that was only ever in the
 * envelope). A copy already there (filed before a crash, before the row said
 * so) is not filed again.
 */
export async function fileLocalSentCopy(store: Store, entry: OutboxRecord): Promise<'filed' | 'foundThere'> {
  const kept = store.outbox.source(entry.id);
  // A message kept with its outbox row gets its blob file now: the stored message outlives the row.
  if (kept) await store.blobs.writeBuffer(kept);
  const head = kept ? kept.subarray(0, MESSAGE_HEAD_BYTES) : await store.blobs.head(entry.blob);
  return store.write(() => {
    const folder = store.folders.ensureLocalFolder(entry.accountId, LOCAL_SENT, 'sent');
    const there = store.db.prepare('SELECT 1 FROM messages WHERE folder_id = ? AND message_id = ? LIMIT 1').get(folder.id, entry.messageId);
    if (there) return 'foundThere';
    const header = { ...importedHeaders(head, entry.size, Date.now()), flags: ['\\Seen'] };
    const [id] = store.messages.insertHeaders(folder.id, [header]);
    store.bodies.saveSource(id!, { blob: entry.blob, size: entry.size });
    store.messages.setBodyState(id!, 'full');
    return 'filed';
  });
}
