import { isOfflineFault } from '../errors/wren-error';
import { fetchHeaderBlock } from '../imap/fetch-header-block';
import type { ImapClient } from '../imap/imap-client';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';

/** Longer than any honest header block: read, not kept (it would only grow the database). */
const MAX_KEPT_BLOCK = 1024 * 1024;

/**
 * Fetches under way, per store and message: opening a message asks for its list links, its receipt request
 * and its priority at once, and those three share one fetch.
 */
const fetching = new WeakMap<Store, Map<number, Promise<Buffer | null>>>();

/**
 * Header fields a list entry does not keep, as raw bytes to split (raw-headers.ts): the head of the cached
 * source when there is one (its header block and more), else the header block kept from an earlier fetch,
 * else the block asked of the server once and kept. Null when none can tell now: no source here and the
 * message has no server copy, is gone there, or the server cannot be reached.
 */
export async function messageHeaderFields(
  store: Store,
  record: MessageRecord,
  withImap: <T>(work: (client: ImapClient) => Promise<T>) => Promise<T>,
): Promise<Buffer | null> {
  const source = store.bodies.source(record.id);
  if (source && store.blobs.intact(source)) return store.blobs.head(source.blob);
  const kept = store.bodies.headerBlock(record.id);
  if (kept) return kept;
  if (record.uid === null || record.accountId === null) return null;
  let pending = fetching.get(store);
  if (!pending) fetching.set(store, (pending = new Map()));
  const under = pending.get(record.id);
  if (under) return under;
  const fetched = fetchAndKeep(store, record, withImap).finally(() => pending.delete(record.id));
  pending.set(record.id, fetched);
  return fetched;
}

async function fetchAndKeep(
  store: Store,
  record: MessageRecord,
  withImap: <T>(work: (client: ImapClient) => Promise<T>) => Promise<T>,
): Promise<Buffer | null> {
  let block: Buffer | null;
  try {
    block = await withImap((client) => fetchHeaderBlock(client, record.folderPath, record.uid!));
  } catch (error) {
    if (isOfflineFault(error)) return null;
    throw error;
  }
  // The row may have gone meanwhile (expunged, its account removed): the block is still the answer.
  if (block && block.length <= MAX_KEPT_BLOCK && store.messages.get(record.id)) store.bodies.saveHeaderBlock(record.id, block);
  return block;
}
