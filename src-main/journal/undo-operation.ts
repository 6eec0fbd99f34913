import { WrenError } from '../errors/wren-error';
import type { JournalEntry, JournalItem } from '../store/operations-repo';
import type { Store } from '../store/store';
import { journalFlags, journalMove } from './journal-entries';

/**
 * Takes back an operation: one the server has not been asked about yet is
 * reverted in the cache and leaves the journal; one already replayed (or
 * being replayed) gets its inverse journaled: flags back, messages moved back.
 * Returns the account, whose journal may have grown.
 */
export function undoOperation(store: Store, operationId: number): { accountId: number } {
  return store.write(() => {
    const entry = store.operations.get(operationId);
    if (!entry || entry.state === 'failed') throw new WrenError('NotFound', `There is no operation ${operationId} to undo.`, { operationId });
    if (!entry.undoable) throw new WrenError('BadRequest', 'This operation cannot be undone.', { operationId });
    if (store.operations.removePending(operationId)) revertLocally(store, entry);
    else journalInverse(store, entry);
    return { accountId: entry.accountId };
  });
}

function revertLocally(store: Store, entry: JournalEntry): void {
  for (const item of entry.items) {
    if (item.messageRowId === null) continue;
    if (entry.action === 'store' && item.priorFlags) store.messageChanges.setFlags(item.messageRowId, item.priorFlags);
    if (entry.action === 'move' && item.priorFolderId !== null) store.messageChanges.move(item.messageRowId, item.priorFolderId, item.priorUid);
  }
}

function journalInverse(store: Store, entry: JournalEntry): void {
  if (entry.action === 'store') return flagsBack(store, entry);
  if (entry.action === 'move') return moveBack(store, entry);
  throw new WrenError('BadRequest', 'This operation cannot be undone.', { operationId: entry.id });
}

/** Each message gets back the state it had of each flag the operation touched. */
function flagsBack(store: Store, entry: JournalEntry): void {
  const touched = [...entry.add, ...entry.remove];
  const groups = new Map<string, { add: string[]; remove: string[]; rows: number[] }>();
  for (const item of entry.items) {
    if (item.messageRowId === null || !item.priorFlags) continue;
    const add = touched.filter((flag) => item.priorFlags!.includes(flag));
    const remove = touched.filter((flag) => !item.priorFlags!.includes(flag));
    const key = JSON.stringify([add, remove]);
    const group = groups.get(key) ?? { add, remove, rows: [] };
    group.rows.push(item.messageRowId);
    groups.set(key, group);
  }
  for (const group of groups.values()) journalFlags(store, entry.accountId, entry.kind, store.messageChanges.locate(group.rows), group.add, group.remove);
}

/** Back to the folder each message came from, from wherever it is now. */
function moveBack(store: Store, entry: JournalEntry): void {
  const byFolder = new Map<number, JournalItem[]>();
  for (const item of entry.items) {
    if (item.messageRowId === null || item.priorFolderId === null) continue;
    byFolder.set(item.priorFolderId, [...(byFolder.get(item.priorFolderId) ?? []), item]);
  }
  for (const [folderId, items] of byFolder) {
    const folder = store.folders.get(folderId);
    if (!folder) continue; // deleted meanwhile: the messages stay where they are
    journalMove(store, entry.accountId, 'move', store.messageChanges.locate(items.map((item) => item.messageRowId!)), folder);
  }
}
