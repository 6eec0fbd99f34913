import { fetchFlags, type MessageFlags } from '../imap/fetch-flags';
import { fetchHeaders, fetchHeadersInRange } from '../imap/fetch-headers';
import type { FetchedMessage, ImapClient } from '../imap/imap-client';
import { allUids, uidsFrom } from '../imap/search-uids';
import { withFolder, type KnownState, type SelectedFolder } from '../imap/with-folder';
import type { FolderRecord, FolderSyncState } from '../store/folders-repo';
import type { Store } from '../store/store';
import { inThreadHeaderWriter, type HeaderWriter } from './header-writer';
import { chunk } from './uid-ranges';

/** Headers per FETCH and per transaction: big enough to be fast, small enough to keep memory flat. */
export const HEADER_BATCH = 500;

export interface FolderSyncResult {
  newMessages: number;
  removedMessages: number;
  flagUpdates: number;
}

/** Messages done of total; a POP3 download adds its bytes so far and expected. */
export type FolderProgress = (done: number, total: number, bytes?: { done: number; total: number }) => void;

/**
 * Brings one folder's cached headers in line with the server. New UIDs are
 * found by set difference against the cache, not by UIDNEXT, so a sync that
 * was cut off half way resumes exactly where it stopped: no duplicates, no gaps.
 */
export function syncFolder(
  client: ImapClient, store: Store, folder: FolderRecord, onProgress: FolderProgress, writer: HeaderWriter = inThreadHeaderWriter(store),
): Promise<FolderSyncResult> {
  return withFolder(client, folder.path, async (selected) => {
    const state = syncState(selected);
    if (folder.uidvalidity !== null && folder.uidvalidity !== state.uidvalidity) {
      // The server renumbered the folder: every cached UID is meaningless now.
      store.write(() => {
        store.messages.clearFolder(folder.id);
        store.folders.setSyncState(folder.id, { uidvalidity: state.uidvalidity, uidnext: null, highestmodseq: null });
      });
      folder = { ...folder, uidvalidity: state.uidvalidity, highestmodseq: null };
    }
    const removedMessages = removeGhosts(store, folder.id) + removeVanished(store, folder.id, selected);
    // Moved or deleted here, the journal not replayed yet (a sync past its replay, the Inbox's push): not new mail.
    const leaving = store.operations.leavingUids(folder.id, state.uidvalidity);
    const result = store.messages.uids(folder.id).length === 0
      ? { newMessages: await fetchAllHeaders(client, writer, folder.id, selected.exists, onProgress, leaving), removedMessages: 0, flagUpdates: 0 }
      : await syncCachedFolder(client, store, writer, folder, selected, onProgress, leaving);
    store.write(() => store.folders.setSyncState(folder.id, state));
    return { ...result, removedMessages: removedMessages + result.removedMessages };
  }, { readOnly: true, since: knownState(folder) });
}

/** A folder with messages cached: the server's UIDs against the cache, then new headers and changed flags. */
async function syncCachedFolder(
  client: ImapClient, store: Store, writer: HeaderWriter, folder: FolderRecord, selected: SelectedFolder, onProgress: FolderProgress, leaving: ReadonlySet<number>,
): Promise<FolderSyncResult> {
  let removedMessages = 0;
  let serverUids = await uidsByQresync(client, store, folder, selected);
  if (!serverUids) {
    serverUids = await allUids(client, selected.exists);
    removedMessages += removeExpunged(store, folder.id, new Set(serverUids));
  }
  const known = store.messages.uids(folder.id);
  const knownSet = new Set(known);
  const fresh = serverUids.filter((uid) => !knownSet.has(uid) && !leaving.has(uid)).sort((a, b) => b - a);
  const newMessages = await fetchNewHeaders(client, writer, folder.id, fresh, onProgress);
  const flagUpdates = await refreshFlags(client, store, folder, syncState(selected).highestmodseq, known);
  return { newMessages, removedMessages, flagUpdates };
}

/** The state of the folder's last complete sync, when QRESYNC can start from it. */
function knownState(folder: FolderRecord): KnownState | undefined {
  if (folder.uidvalidity === null || folder.highestmodseq === null || folder.uidnext === null) return undefined;
  return { uidValidity: folder.uidvalidity, modseq: folder.highestmodseq };
}

/** With QRESYNC the server named what was expunged (VANISHED) on SELECT. */
function removeVanished(store: Store, folderId: number, selected: SelectedFolder): number {
  return selected.vanished?.length ? store.write(() => store.messages.removeUids(folderId, selected.vanished!)) : 0;
}

/**
 * The folder's UIDs without a search of the whole folder: the cache (less
 * what VANISHED named) and the UIDs from the last complete sync's UIDNEXT on
 * (a sync cut off since then stored some of them, newest first). Trusted only
 * when they add up to the folder's EXISTS: rows gone here for another reason
 * (a move the server refused, say) make them fall short, and then null sends
 * the sync to UID SEARCH ALL, as without QRESYNC.
 */
async function uidsByQresync(client: ImapClient, store: Store, folder: FolderRecord, selected: SelectedFolder): Promise<number[] | null> {
  if (!selected.vanished || folder.uidnext === null) return null;
  const union = new Set([...store.messages.uids(folder.id), ...(await uidsFrom(client, folder.uidnext, selected.exists))]);
  return union.size === selected.exists ? [...union] : null;
}

function syncState(selected: SelectedFolder): FolderSyncState {
  return { uidvalidity: selected.uidValidity, uidnext: selected.uidNext, highestmodseq: selected.highestModseq };
}

/** Rows without UID in an IMAP folder are blanks an earlier version stored from unsolicited FETCH rows. */
function removeGhosts(store: Store, folderId: number): number {
  return store.write(() => store.messages.removeWithoutUid(folderId));
}

function removeExpunged(store: Store, folderId: number, onServer: Set<number>): number {
  const gone = store.messages.uids(folderId).filter((uid) => !onServer.has(uid));
  return gone.length ? store.write(() => store.messages.removeUids(folderId, gone)) : 0;
}

/** Newest first (see storeHeaderBatches), by UID: the ones the cache lacks. */
function fetchNewHeaders(client: ImapClient, writer: HeaderWriter, folderId: number, uids: number[], onProgress: FolderProgress): Promise<number> {
  const batches = chunk(uids, HEADER_BATCH).map((batch) => ({ size: batch.length, fetch: () => fetchHeaders(client, batch) }));
  return storeHeaderBatches(writer, folderId, batches, uids.length, onProgress);
}

/**
 * Nothing cached: every message is new, so they are fetched by sequence number, newest first, without
 * a UID SEARCH ALL to wait for. An expunge by another session meanwhile only shifts the messages above
 * the next range down into it (fetched again, stored once); a message that arrives meanwhile lies above
 * `exists` and comes with the next sync, as the folder's UIDNEXT is the one SELECT gave.
 */
function fetchAllHeaders(client: ImapClient, writer: HeaderWriter, folderId: number, exists: number, onProgress: FolderProgress, leaving: ReadonlySet<number>): Promise<number> {
  const batches: HeaderBatch[] = [];
  for (let to = exists; to >= 1; to -= HEADER_BATCH) {
    const from = Math.max(1, to - HEADER_BATCH + 1);
    batches.push({ size: to - from + 1, fetch: () => fetchHeadersInRange(client, from, to) });
  }
  return storeHeaderBatches(writer, folderId, batches, exists, onProgress, leaving);
}

interface HeaderBatch {
  size: number;
  fetch(): Promise<FetchedMessage[]>;
}

/**
 * Newest first, so the first screen fills while older mail still arrives. The
 * next batch is asked for before this one is decoded and written: the server
 * prepares and sends it meanwhile, instead of idling one round trip per batch.
 * The writer may be another thread: at most two batches wait for it (memory
 * stays flat), progress counts committed batches, and a failure waits for the
 * batches already handed over, so what arrived is kept.
 */
async function storeHeaderBatches(
  writer: HeaderWriter, folderId: number, batches: HeaderBatch[], total: number, onProgress: FolderProgress, leaving: ReadonlySet<number> = new Set(),
): Promise<number> {
  let done = 0;
  let skipped = 0;
  onProgress(0, total);
  const writes: Promise<void>[] = [];
  writer.begin(batches.length);
  try {
    let next = prefetch(batches[0]);
    for (const [i, batch] of batches.entries()) {
      const fetched = await next!;
      next = prefetch(batches[i + 1]);
      const kept = fetched.filter((message) => !leaving.has(message.uid));
      skipped += fetched.length - kept.length;
      if (writes.length >= 2) await writes[writes.length - 2];
      const written = writer.write(folderId, kept).then(() => {
        done += batch.size;
        onProgress(done, total);
      });
      written.catch(() => undefined); // awaited below; this only keeps it from counting as unhandled meanwhile
      writes.push(written);
    }
    await Promise.all(writes);
  } catch (error) {
    await Promise.allSettled(writes);
    throw error;
  } finally {
    writer.end();
  }
  return done - skipped;
}

/** Starts a batch's FETCH; a failure surfaces when it is awaited (or not at all, when an earlier write failed). */
function prefetch(batch: HeaderBatch | undefined): Promise<FetchedMessage[]> | null {
  if (!batch) return null;
  const answers = batch.fetch();
  answers.catch(() => undefined);
  return answers;
}

/**
 * With CONDSTORE only flags changed since the last sync come back; without
 * it (or on the first pass) the flags of every known message are compared.
 */
async function refreshFlags(client: ImapClient, store: Store, folder: FolderRecord, selectedModseq: number | null, knownUids: number[]): Promise<number> {
  if (knownUids.length === 0) return 0;
  const canCondstore = folder.highestmodseq !== null && selectedModseq !== null;
  if (canCondstore && folder.highestmodseq === selectedModseq) return 0;
  let changed = 0;
  for (const batch of chunk(knownUids, canCondstore ? knownUids.length : 2000)) {
    const updates: MessageFlags[] = await fetchFlags(client, batch, canCondstore ? folder.highestmodseq : null);
    changed += store.write(() => store.messages.updateFlags(folder.id, updates));
  }
  return changed;
}
