import { WrenError } from '../errors/wren-error';
import type { FetchedMessage } from '../imap/imap-client';
import { fromImapEnvelope, type EnvelopeFetch } from '../mime/envelope';
import type { Store } from '../store/store';

/**
 * Decodes and stores batches of fetched headers, in order; a batch's promise settles once it is
 * committed. In the sync worker another thread does it for a long folder (WorkerHeaderWriter) while
 * this one reads the next batch off the wire; a short one, tests and push do it here (inThreadHeaderWriter).
 */
export interface HeaderWriter {
  /** A folder's batches begin: `batches` of them are coming (a thread pays off only for several). */
  begin(batches: number): void;
  write(folderId: number, fetched: FetchedMessage[]): Promise<void>;
  /** The folder's batches are all written or failed: a thread started for them may go. */
  end(): void;
}

/**
 * One batch decoded and stored in one transaction (a resumed sync refreshes flags, never duplicates).
 * A folder deleted here meanwhile (journaled, its rows gone with it) throws FolderGone, which the
 * account's sync passes over, rather than a foreign-key failure logged as a bug.
 */
export function storeHeaders(store: Store, folderId: number, fetched: readonly EnvelopeFetch[]): void {
  const records = fetched.map(fromImapEnvelope);
  store.write(() => {
    if (!store.folders.get(folderId)) throw new WrenError('FolderGone', 'The folder was deleted while its headers were stored.');
    store.messages.insertHeaders(folderId, records);
  });
}

export function inThreadHeaderWriter(store: Store): HeaderWriter {
  return { begin: () => undefined, write: async (folderId, fetched) => storeHeaders(store, folderId, fetched), end: () => undefined };
}
