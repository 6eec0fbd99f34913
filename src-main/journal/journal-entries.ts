import type { Store } from '../store/store';
import type { MessageLocation } from '../store/message-changes-repo';
import type { NewItem, OperationKind } from '../store/operations-repo';
import type { FolderRecord } from '../store/folders-repo';

/**
 * The building blocks of every operation: each changes the cached messages
 * and writes its journal entry. Callers run them inside `store.write`, so the
 * change and its entry commit together (or not at all).
 */

export function itemOf(message: MessageLocation): NewItem {
  return {
    messageRowId: message.id, resultRowId: null, folderPath: message.folderPath, uidvalidity: message.uidvalidity, uid: message.uid,
    messageIdHeader: message.messageIdHeader, priorFlags: message.flags, priorFolderId: message.folderId, priorUid: message.uid,
  };
}

export function withFlags(flags: string[], add: string[], remove: string[]): string[] {
  const next = new Set(flags);
  for (const flag of add) next.add(flag);
  for (const flag of remove) next.delete(flag);
  return [...next];
}

export function journalFlags(store: Store, accountId: number, kind: OperationKind, messages: MessageLocation[], add: string[], remove: string[]): number {
  for (const message of messages) store.messageChanges.setFlags(message.id, withFlags(message.flags, add, remove));
  return store.operations.add({ accountId, kind, action: 'store', targetPath: null, add, remove, undoable: true }, messages.map(itemOf));
}

export function journalMove(store: Store, accountId: number, kind: OperationKind, messages: MessageLocation[], target: FolderRecord): number {
  const moving = messages.filter((message) => message.folderId !== target.id);
  for (const message of moving) store.messageChanges.move(message.id, target.id, null);
  return store.operations.add({ accountId, kind, action: 'move', targetPath: target.path, add: [], remove: [], undoable: true }, moving.map(itemOf));
}

/** Undoable as in Thunderbird: the Undo deletes the copies it made (undo-copy.ts), never the originals. */
export function journalCopy(store: Store, accountId: number, messages: MessageLocation[], target: FolderRecord): number {
  const items = messages.map((message) => ({ ...itemOf(message), resultRowId: store.messageChanges.copy(message.id, target.id) }));
  return store.operations.add({ accountId, kind: 'copy', action: 'copy', targetPath: target.path, add: [], remove: [], undoable: true }, items);
}

/** Gone for good: not undoable. */
export function journalExpunge(store: Store, accountId: number, kind: OperationKind, messages: MessageLocation[]): number {
  store.messageChanges.remove(messages.map((message) => message.id));
  const items = messages.map((message) => ({ ...itemOf(message), messageRowId: null }));
  return store.operations.add({ accountId, kind, action: 'expunge', targetPath: null, add: [], remove: [], undoable: false }, items);
}
