import { appendMessageFile } from '../imap/append-message';
import type { ImapClient } from '../imap/imap-client';
import type { JournalEntry, JournalItem } from '../store/operations-repo';
import type { Store } from '../store/store';
import { claimTarget, finishOrFail, inFolder } from './replay-journal';
import { alreadyInTarget } from './resolve-journal-items';

/**
 * Replays an APPEND entry (a message whose source is held here goes to a
 * folder on the server), each message exactly once: the entry records the
 * target's UIDNEXT before the first APPEND, and each answered APPEND records
 * its UID at once (APPENDUID). A replay that finds the entry already sent
 * (killed mid-way) skips the messages recorded, and looks for the others in
 * the target by Message-ID at or above that UIDNEXT before sending them again.
 * A move from another account expunges the originals only now, once the
 * copies are safely on this server (see transferAcross).
 */
export async function replayAppend(client: ImapClient, store: Store, entry: JournalEntry): Promise<void> {
  const target = entry.targetPath!;
  let sent = entry;
  let arrived = new Map<number, number>();
  if (entry.state === 'pending') {
    const claimed = await claimTarget(client, store, entry);
    if (!claimed) return; // undone meanwhile
    sent = claimed;
  } else if (entry.targetUidNext !== null) {
    const unanswered = entry.items.filter((item) => item.newUid === null);
    const answered = entry.items.flatMap((item) => (item.newUid === null ? [] : [item.newUid]));
    arrived = await inFolder(client, target, { change: false }, (uidValidity) =>
      uidValidity === entry.targetUidValidity ? alreadyInTarget(client, unanswered, entry.targetUidNext!, answered) : Promise.resolve(new Map<number, number>()));
  }
  const missing: JournalItem[] = [];
  for (const item of sent.items) {
    if (item.newUid !== null) continue;
    const found = arrived.get(item.id);
    const appended = found !== undefined ? { uid: found, uidValidity: sent.targetUidValidity } : await appendOne(client, store, target, item);
    if (!appended) missing.push(item);
    else if (appended.uid !== null) learn(store, sent, item, appended.uid, appended.uidValidity);
  }
  store.write(() => expungeOriginals(store, sent, missing));
  finishOrFail(store, sent, missing);
}

async function appendOne(client: ImapClient, store: Store, target: string, item: JournalItem) {
  // A copy undone while its entry is being replayed has lost its row: the original's source goes (the Undo's delete follows it).
  const row = [item.resultRowId, item.messageRowId].find((id) => id !== null && store.messageChanges.appendable(id) !== undefined) ?? null;
  const source = row === null ? undefined : store.bodies.source(row);
  const appendable = row === null ? undefined : store.messageChanges.appendable(row);
  if (!source || !appendable || !store.blobs.intact(source)) return null; // deleted here meanwhile: nothing left to send
  return appendMessageFile(client, target, store.blobs.pathOf(source.blob), appendable.flags, appendable.internalDate);
}

function learn(store: Store, entry: JournalEntry, item: JournalItem, uid: number, uidValidity: number | null): void {
  store.write(() => {
    store.operations.learnUid(item, entry.targetPath!, uidValidity, uid);
    const row = item.resultRowId ?? item.messageRowId;
    if (row !== null) store.messageChanges.setUid(row, uid, entry.accountId!, entry.targetPath!);
  });
}

/**
 * A move out of another account's server: the originals there are expunged
 * through that account's journal, now that their copies are stored here.
 */
function expungeOriginals(store: Store, entry: JournalEntry, missing: JournalItem[]): void {
  if (entry.kind !== 'move') return;
  const byAccount = new Map<number, JournalItem[]>();
  for (const item of entry.items) {
    if (missing.includes(item) || item.priorFolderId === null || (item.uid === null && !item.messageIdHeader)) continue;
    const from = store.folders.get(item.priorFolderId);
    if (!from || from.isLocal || from.accountId === null || from.accountId === entry.accountId) continue;
    byAccount.set(from.accountId, [...(byAccount.get(from.accountId) ?? []), item]);
  }
  for (const [accountId, items] of byAccount) {
    store.operations.add({ accountId, kind: 'move', action: 'expunge', targetPath: null, add: [], remove: [], undoable: false },
      items.map((item) => ({ ...item, messageRowId: null, resultRowId: null })));
  }
}

/**
 * An APPEND the server refused for good (its folder gone): the messages go
 * back where they came from, so nothing is lost. A folder deleted here
 * meanwhile is made again among the local folders when the message had no
 * UID there (a local folder's or a POP3 Inbox's: this row is its only copy);
 * one from another server is still there and comes back with its sync.
 */
export function returnUnsent(store: Store, entry: JournalEntry): void {
  for (const item of entry.items) {
    if (item.newUid !== null || item.priorFolderId === null || entry.kind !== 'move' || item.messageRowId === null) continue;
    const back = store.folders.get(item.priorFolderId) ?? (item.priorUid === null ? store.localFolders.ensurePath(item.folderPath) : undefined);
    if (back) store.messageChanges.move(item.messageRowId, back.id, item.priorUid);
  }
}
