import type { ImapFlow, FetchMessageObject, MailboxObject } from 'imapflow';
import type { FolderRecord, FolderSyncState } from '../store/folders-repo';
import type { Store } from '../store/store';
import type { FlagUpdate } from '../store/messages-repo';
import { fromImapEnvelope } from '../mime/envelope';
import { answersByUid } from './answers-by-uid';
import { chunk, toSequenceSet } from './uid-ranges';

/** Headers per FETCH and per transaction: big enough to be fast, small enough to keep memory flat. */
export const HEADER_BATCH = 500;

export interface FolderSyncResult {
  newMessages: number;
  removedMessages: number;
  flagUpdates: number;
}

export type FolderProgress = (done: number, total: number) => void;

/**
 * Brings one folder's cached headers in line with the server. New UIDs are
 * found by set difference against the cache, not by UIDNEXT, so a sync that
 * was cut off half way resumes exactly where it stopped: no duplicates, no gaps.
 */
export async function syncFolder(client: ImapFlow, store: Store, folder: FolderRecord, onProgress: FolderProgress): Promise<FolderSyncResult> {
  const lock = await client.getMailboxLock(folder.path, { readOnly: true });
  try {
    const mailbox = client.mailbox as MailboxObject;
    const selected = selectedState(mailbox);
    if (folder.uidvalidity !== null && folder.uidvalidity !== selected.uidvalidity) {
      // The server renumbered the folder: every cached UID is meaningless now.
      store.write(() => {
        store.messages.clearFolder(folder.id);
        store.folders.setSyncState(folder.id, { uidvalidity: selected.uidvalidity, uidnext: null, highestmodseq: null });
      });
      folder = { ...folder, uidvalidity: selected.uidvalidity, highestmodseq: null };
    }
    const serverUids = mailbox.exists > 0 ? ((await client.search({ all: true }, { uid: true })) || []) : [];
    const onServer = new Set(serverUids);
    const removedMessages = removeGhosts(store, folder.id) + removeExpunged(store, folder.id, onServer);
    const known = store.messages.uids(folder.id);
    const knownSet = new Set(known);
    const fresh = serverUids.filter((uid) => !knownSet.has(uid)).sort((a, b) => b - a);
    const newMessages = await fetchNewHeaders(client, store, folder.id, fresh, onProgress);
    const flagUpdates = await refreshFlags(client, store, folder, mailbox, selected.highestmodseq, known);
    store.write(() => store.folders.setSyncState(folder.id, selected));
    return { newMessages, removedMessages, flagUpdates };
  } finally {
    lock.release();
  }
}

/**
 * The folder's state as SELECT reported it, before any FETCH. imapflow
 * raises mailbox.highestModseq with every MODSEQ it sees, also those of
 * other sessions' changes reported during our FETCHes; saving that value
 * would make the next CHANGEDSINCE skip exactly those changes.
 */
function selectedState(mailbox: MailboxObject): FolderSyncState {
  return {
    uidvalidity: Number(mailbox.uidValidity),
    uidnext: mailbox.uidNext,
    highestmodseq: mailbox.highestModseq !== undefined ? Number(mailbox.highestModseq) : null,
  };
}

/** Rows without UID in an IMAP folder are blanks an earlier version stored from unsolicited FETCH rows. */
function removeGhosts(store: Store, folderId: number): number {
  return store.write(() => store.messages.removeWithoutUid(folderId));
}

function removeExpunged(store: Store, folderId: number, onServer: Set<number>): number {
  const gone = store.messages.uids(folderId).filter((uid) => !onServer.has(uid));
  return gone.length ? store.write(() => store.messages.removeUids(folderId, gone)) : 0;
}

/** Newest first, so the first screen fills while older mail still arrives. */
async function fetchNewHeaders(client: ImapFlow, store: Store, folderId: number, uids: number[], onProgress: FolderProgress): Promise<number> {
  let done = 0;
  onProgress(0, uids.length);
  for (const batch of chunk(uids, HEADER_BATCH)) {
    const answers = await answersByUid(client.fetch(toSequenceSet(batch), HEADER_QUERY, { uid: true }), batch);
    // A message expunged meanwhile has no answer; one without ENVELOPE is left for the next sync.
    const records = [...answers.values()].filter((message) => message.envelope).map(fromImapEnvelope);
    store.write(() => store.messages.insertHeaders(folderId, records));
    done += batch.length;
    onProgress(done, uids.length);
  }
  return done;
}

/**
 * The raw address and subject headers come along because imapflow's ENVELOPE
 * decoding loses raw 8-bit (GBK) bytes and turns broken encoded words into
 * garbage; fromImapEnvelope decodes them from the bytes instead.
 */
const HEADER_QUERY = {
  uid: true, envelope: true, flags: true, size: true, internalDate: true, bodyStructure: true,
  headers: ['subject', 'from', 'to', 'cc'],
};

/**
 * With CONDSTORE only flags changed since the last sync come back; without
 * it (or on the first pass) the flags of every known message are compared.
 */
async function refreshFlags(
  client: ImapFlow, store: Store, folder: FolderRecord, mailbox: MailboxObject, selectedModseq: number | null, knownUids: number[],
): Promise<number> {
  if (knownUids.length === 0) return 0;
  const canCondstore = folder.highestmodseq !== null && selectedModseq !== null && !mailbox.noModseq;
  if (canCondstore && folder.highestmodseq === selectedModseq) return 0;
  let changed = 0;
  for (const batch of chunk(knownUids, canCondstore ? knownUids.length : 2000)) {
    const options = canCondstore ? { uid: true, changedSince: BigInt(folder.highestmodseq!) } : { uid: true };
    const answers = await answersByUid(client.fetch(toSequenceSet(batch), { uid: true, flags: true }, options), batch);
    const updates = [...answers.values()].filter((message) => message.flags).map(toFlagUpdate);
    changed += store.write(() => store.messages.updateFlags(folder.id, updates));
  }
  return changed;
}

function toFlagUpdate(message: FetchMessageObject): FlagUpdate {
  return { uid: message.uid, flags: [...message.flags!], modseq: message.modseq !== undefined ? Number(message.modseq) : null };
}
