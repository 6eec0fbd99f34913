import { WrenError } from '../errors/wren-error';
import type { FolderRecord } from '../store/folders-repo';
import type { MessageLocation } from '../store/message-changes-repo';
import type { NewEntry, NewItem } from '../store/operations-repo';
import type { Store } from '../store/store';
import { itemOf } from './journal-entries';

/** The account whose server holds a folder's mail; null for a local folder. */
export function serverOf(folder: FolderRecord): number | null {
  return folder.isLocal ? null : folder.accountId;
}

export interface Transferred {
  /** The entry `operations.undo` takes back (the target's APPEND, else the source's EXPUNGE, else the local one). */
  operationId: number;
  undoable: boolean;
  /** Accounts whose journal grew. */
  replay: number[];
}

/**
 * Moves or copies messages across stores: between local folders (done at
 * once), from a server into a local folder (the cached source becomes the
 * local copy; a move journals the EXPUNGE of the original) and from here to a
 * server (journaled APPEND of the cached source, flags kept), also from one
 * account to another: there the original is expunged only once the APPEND
 * has succeeded (replay-append.ts journals it), so a refused APPEND loses
 * nothing. A moved row keeps its identity (body, parts, source). Every
 * message must have its source cached: OperationsService downloads the
 * missing ones before it calls this.
 */
export function transferAcross(store: Store, kind: 'move' | 'copy', messages: MessageLocation[], from: number | null, target: FolderRecord): Transferred {
  const to = serverOf(target);
  requireSources(store, messages);
  const moving = messages.filter((message) => message.folderId !== target.id);
  const items: NewItem[] = moving.map((message) => ({
    ...itemOf(message), resultRowId: kind === 'copy' ? store.messageChanges.copy(message.id, target.id) : null,
  }));
  if (kind === 'move') for (const message of moving) store.messageChanges.move(message.id, target.id, null);
  // Either can be undone: a move goes back, a copy's Undo deletes the copies (undo-copy.ts).
  const entry = { kind, add: [], remove: [], undoable: true };
  if (to !== null) {
    return { operationId: store.operations.add({ ...entry, accountId: to, action: 'append', targetPath: target.path }, items), undoable: true, replay: [to] };
  }
  if (kind === 'move' && from !== null) {
    return { operationId: store.operations.add({ ...entry, accountId: from, action: 'expunge', targetPath: null }, items), undoable: true, replay: [from] };
  }
  return { ...localEntry(store, { ...entry, action: kind, targetPath: target.path }, items), replay: [] };
}

/** An operation among local folders: nothing to replay; kept (done) so that undo can take a move or flags back. */
export function localEntry(store: Store, entry: Omit<NewEntry, 'accountId'>, items: NewItem[]): { operationId: number; undoable: boolean } {
  const operationId = store.operations.add({ ...entry, accountId: null }, items);
  store.operations.finish(operationId);
  return { operationId, undoable: entry.undoable };
}

function requireSources(store: Store, messages: MessageLocation[]): void {
  const missing = messages.filter((message) => {
    const source = store.bodies.source(message.id);
    return !source || !store.blobs.intact(source);
  });
  if (missing.length) {
    throw new WrenError('NotFound', `${missing.length} message(s) are not downloaded yet; they must be before they can leave their server.`, {
      messageIds: missing.map((message) => message.id),
    });
  }
}
