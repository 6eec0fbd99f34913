import { WrenError } from '../errors/wren-error';
import type { JournalEntry, JournalItem } from '../store/operations-repo';
import type { Store } from '../store/store';
import { transfer } from './apply-operation';
import { journalFlags } from './journal-entries';
import { undoCopy } from './undo-copy';

/**
 * Takes back an operation: one the server has not been asked about yet (or
 * one among local folders, which no server ever sees) is reverted in the
 * cache and leaves the journal; one already replayed (or being replayed) gets
 * its inverse journaled: flags back, messages moved back (across stores too),
 * copies deleted (undo-copy.ts). Returns the accounts whose journal may have
 * grown, and the blob files of rows removed (a copy's), to release once committed.
 */
export function undoOperation(store: Store, operationId: number): { replay: number[]; released?: string[] } {
  return store.write(() => {
    const entry = store.operations.get(operationId);
    if (!entry || entry.state === 'failed') throw new WrenError('NotFound', `There is no operation ${operationId} to undo.`, { operationId });
    if (!entry.undoable) throw new WrenError('BadRequest', 'This operation cannot be undone.', { operationId });
    if (entry.kind === 'copy') return undoCopy(store, entry);
    if (entry.accountId === null) {
      store.operations.remove(operationId);
      revertLocally(store, entry);
      return { replay: [] };
    }
    if (store.operations.removePending(operationId)) {
      revertLocally(store, entry);
      return { replay: [entry.accountId] };
    }
    return { replay: journalInverse(store, entry) };
  });
}

/** A move across stores is journaled as the target's APPEND or the source's EXPUNGE. */
function movesMessages(entry: JournalEntry): boolean {
  return entry.action === 'move' || (entry.kind === 'move' && (entry.action === 'append' || entry.action === 'expunge'));
}

function revertLocally(store: Store, entry: JournalEntry): void {
  for (const item of entry.items) {
    if (item.messageRowId === null) continue;
    if (entry.action === 'store' && item.priorFlags) store.messageChanges.setFlags(item.messageRowId, item.priorFlags);
    if (movesMessages(entry) && item.priorFolderId !== null) store.messageChanges.move(item.messageRowId, item.priorFolderId, item.priorUid);
  }
}

function journalInverse(store: Store, entry: JournalEntry): number[] {
  if (entry.action === 'store') return flagsBack(store, entry, entry.accountId!);
  if (movesMessages(entry)) return moveBack(store, entry);
  throw new WrenError('BadRequest', 'This operation cannot be undone.', { operationId: entry.id });
}

/** Each message gets back the state it had of each flag the operation touched. */
function flagsBack(store: Store, entry: JournalEntry, accountId: number): number[] {
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
  for (const group of groups.values()) journalFlags(store, accountId, entry.kind, store.messageChanges.locate(group.rows), group.add, group.remove);
  return [accountId];
}

/** Back to the folder each message came from, from wherever it is now (a server, another account, a local folder). */
function moveBack(store: Store, entry: JournalEntry): number[] {
  const byFolder = new Map<number, JournalItem[]>();
  for (const item of entry.items) {
    if (item.messageRowId === null || item.priorFolderId === null) continue;
    byFolder.set(item.priorFolderId, [...(byFolder.get(item.priorFolderId) ?? []), item]);
  }
  const replay = new Set<number>();
  for (const [folderId, items] of byFolder) {
    const folder = store.folders.get(folderId);
    if (!folder) continue; // deleted meanwhile: the messages stay where they are
    const messages = store.messageChanges.locate(items.map((item) => item.messageRowId!));
    for (const side of new Set(messages.map((message) => message.serverAccountId))) {
      const here = messages.filter((message) => message.serverAccountId === side);
      transfer(store, 'move', here, side, folder).replay.forEach((id) => replay.add(id));
    }
  }
  return [...replay];
}
