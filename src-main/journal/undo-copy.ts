import { WrenError } from '../errors/wren-error';
import type { FolderRecord } from '../store/folders-repo';
import type { MessageLocation } from '../store/message-changes-repo';
import type { JournalEntry, JournalItem, NewItem } from '../store/operations-repo';
import type { Store } from '../store/store';

export interface CopyUndone {
  /** Accounts whose journal may have grown. */
  replay: number[];
  /** Blob files the removed copies named (to release once committed, if no other row names them). */
  released: string[];
}

/**
 * Takes a copy back as Thunderbird does: the copies it made go for good (they
 * are copies; the originals stay as they are). Here at once; on the server, a
 * copy not sent yet is never sent (nothing reaches it), one among local folders
 * never went there, and one sent or replayed already gets a delete of its
 * copies journaled, by the UIDs the server gave them (COPYUID, APPENDUID) or,
 * where it did not say them, by Message-ID among the messages that arrived in
 * the target with or after the copy: one of the same Message-ID that was there
 * before is another message. A copy the user moved or deleted since refuses the
 * whole Undo (CopyChanged), nothing changed. Runs inside `store.write`.
 */
export function undoCopy(store: Store, entry: JournalEntry): CopyUndone {
  const copies = copiesOf(store, entry);
  const ids = copies.map((copy) => copy.id);
  const released = store.messageChanges.blobsOf(ids);
  store.messageChanges.remove(ids);
  if (entry.accountId === null) {
    store.operations.remove(entry.id);
    return { replay: [], released };
  }
  if (!store.operations.removePending(entry.id)) {
    journalDeleteOfCopies(store, entry, copies);
    store.operations.undone(entry.id);
  }
  return { replay: [entry.accountId], released };
}

/** Each item's copy, where the copy put it; refused when one is not there any more. */
function copiesOf(store: Store, entry: JournalEntry): MessageLocation[] {
  const target = entry.accountId === null ? undefined : store.folders.byPath(entry.accountId, entry.targetPath!);
  const taken = new Set<number>();
  const copies = entry.items.map((item) => {
    const copy = copyOf(store, entry, item, target?.isLocal ? undefined : target, taken);
    if (copy) taken.add(copy.id);
    return copy;
  });
  const lost = entry.items.filter((_, index) => copies[index] === undefined);
  if (lost.length) {
    throw new WrenError('CopyChanged', `${lost.length} of the copies made in ${entry.targetPath} were moved or deleted since; nothing was taken back.`, {
      operationId: entry.id, folder: entry.targetPath, messages: lost.map((item) => item.messageIdHeader),
    });
  }
  return copies as MessageLocation[];
}

function copyOf(store: Store, entry: JournalEntry, item: JournalItem, target: FolderRecord | undefined, taken: Set<number>): MessageLocation | undefined {
  const [row] = item.resultRowId === null ? [] : store.messageChanges.locate([item.resultRowId]);
  if (row) {
    const inTarget = target ? row.folderId === target.id : entry.accountId === null && row.serverAccountId === null && row.folderPath === entry.targetPath;
    return inTarget ? row : undefined;
  }
  return target ? fetchedCopy(store, entry, item, target, taken) : undefined;
}

/**
 * A copy's row goes when the folder's sync fetched the server's copy first (its
 * UID not learnt in time, or never: no UIDPLUS). That row is the copy: by the
 * UID the server gave, or else by Message-ID at or above the UIDNEXT the target
 * had before the copy was sent, under the same UIDVALIDITY.
 */
function fetchedCopy(store: Store, entry: JournalEntry, item: JournalItem, target: FolderRecord, taken: Set<number>): MessageLocation | undefined {
  if (target.uidvalidity === null || target.uidvalidity !== entry.targetUidValidity) return undefined;
  if (item.newUid !== null) return store.messageChanges.atUid(target.id, item.newUid);
  const since = entry.targetUidNext;
  if (since === null || item.messageIdHeader === null) return undefined;
  return store.messageChanges.withMessageId(target.id, item.messageIdHeader).find((row) => row.uid !== null && row.uid >= since && !taken.has(row.id));
}

/**
 * The delete the server is sent: the copies by UID where known; where not (the
 * copy is still on its way), by Message-ID only above the target's UIDNEXT of
 * before the copy, which the entry carries (resolveItems' ArrivedSince). Without
 * that mark a copy is known by its UID or not at all.
 */
function journalDeleteOfCopies(store: Store, entry: JournalEntry, copies: MessageLocation[]): void {
  const since = entry.targetUidNext;
  const items: NewItem[] = entry.items.map((item, index) => {
    const copy = copies[index]!;
    const uid = copy.uid ?? item.newUid;
    return {
      messageRowId: null, resultRowId: null, folderPath: entry.targetPath!, uidvalidity: copy.uid !== null ? copy.uidvalidity : entry.targetUidValidity, uid,
      messageIdHeader: since === null ? null : copy.messageIdHeader, priorFlags: null, priorFolderId: copy.folderId, priorUid: uid,
    };
  });
  store.operations.add({
    accountId: entry.accountId, kind: 'delete', action: 'expunge', targetPath: null, add: [], remove: [], undoable: false,
    targetUidNext: since, targetUidValidity: entry.targetUidValidity,
  }, items);
}
