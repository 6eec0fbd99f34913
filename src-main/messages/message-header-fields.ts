import { isUnreachable } from '../errors/wren-error';
import { fetchHeaderFields } from '../imap/fetch-header-fields';
import type { ImapClient } from '../imap/imap-client';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';

/**
 * Header fields a list entry does not keep, as raw bytes to split (raw-headers.ts): the head of the cached
 * source when there is one (its header block and more), else just `fields` asked of the server. Null when
 * neither can tell now: no source here and the message has no server copy, is gone there, or the server
 * cannot be reached.
 */
export async function messageHeaderFields(
  store: Store,
  record: MessageRecord,
  withImap: <T>(work: (client: ImapClient) => Promise<T>) => Promise<T>,
  fields: string[],
): Promise<Buffer | null> {
  const source = store.bodies.source(record.id);
  if (source && store.blobs.intact(source)) return store.blobs.head(source.blob);
  if (record.uid === null || record.accountId === null) return null;
  try {
    return await withImap((client) => fetchHeaderFields(client, record.folderPath, record.uid!, fields));
  } catch (error) {
    if (isUnreachable(error) || (error as { code?: string }).code === 'Offline') return null;
    throw error;
  }
}
