import { WrenError } from '../errors/wren-error';
import type { FolderRole, MailOperation, OperationReceipt } from '../ipc/contract';
import type { FolderRecord } from '../store/folders-repo';
import type { MessageLocation } from '../store/message-changes-repo';
import type { Store } from '../store/store';
import { journalCopy, journalExpunge, journalFlags, journalMove } from './journal-entries';

export interface Applied extends OperationReceipt {
  accountId: number;
}

/** Applies a user's operation to the cache and journals it, in one transaction. */
export function applyOperation(store: Store, operation: MailOperation): Applied {
  return store.write(() => {
    const messages = locateAll(store, operation.messageIds);
    const accountId = oneAccount(messages);
    const receipt = (operationId: number, undoable: boolean) => ({ operationId, affected: messages.length, undoable, accountId });
    switch (operation.kind) {
      case 'flags':
        return receipt(journalFlags(store, accountId, 'flags', messages, operation.add, operation.remove), true);
      case 'move':
        return receipt(journalMove(store, accountId, 'move', messages, targetFolder(store, accountId, operation.folderId)), true);
      case 'copy':
        return receipt(journalCopy(store, accountId, messages, targetFolder(store, accountId, operation.folderId)), false);
      case 'archive':
        return receipt(journalMove(store, accountId, 'archive', messages, roleFolder(store, accountId, 'archive')), true);
      case 'delete':
        return deleteMessages(store, accountId, messages, operation.permanent);
    }
  });
}

/** To Trash; what is already in Trash (or everything, when asked) goes for good. */
function deleteMessages(store: Store, accountId: number, messages: MessageLocation[], permanent: boolean): Applied {
  const trash = permanent ? null : trashOf(store, accountId);
  const forGood = messages.filter((message) => !trash || message.folderId === trash.id);
  const toTrash = messages.filter((message) => trash && message.folderId !== trash.id);
  const expunged = forGood.length ? journalExpunge(store, accountId, 'delete', forGood) : null;
  const moved = toTrash.length && trash ? journalMove(store, accountId, 'delete', toTrash, trash) : null;
  return { operationId: (moved ?? expunged)!, affected: messages.length, undoable: expunged === null, accountId };
}

/**
 * A POP3 account keeps its mail in a local Inbox and has no Trash of its own:
 * a delete there is for good (the account's policy may then delete the
 * message on the server too, see sync/pop3/server-deletions.ts).
 */
function trashOf(store: Store, accountId: number): FolderRecord | null {
  if (store.accounts.get(accountId)?.protocol !== 'pop3') return roleFolder(store, accountId, 'trash');
  return store.folders.list(accountId).find((folder) => folder.role === 'trash') ?? null;
}

/** Marks every unread message of a folder read: one entry, one STORE over the folder's UIDs. */
export function markFolderRead(store: Store, folderId: number): Applied {
  return store.write(() => {
    const folder = remoteFolder(store, folderId);
    const unread = store.messageChanges.inFolder(folderId, true);
    return { operationId: journalFlags(store, folder.accountId!, 'markRead', unread, ['\\Seen'], []), affected: unread.length, undoable: true, accountId: folder.accountId! };
  });
}

/** Deletes every message of the Trash or Junk folder for good. */
export function emptyFolder(store: Store, folderId: number): Applied {
  return store.write(() => {
    const folder = remoteFolder(store, folderId);
    if (folder.role !== 'trash' && folder.role !== 'junk') {
      throw new WrenError('BadRequest', `Only the Trash or Junk folder can be emptied, not ${folder.path}.`, { folderId });
    }
    const messages = store.messageChanges.inFolder(folderId, false);
    return { operationId: journalExpunge(store, folder.accountId!, 'empty', messages), affected: messages.length, undoable: false, accountId: folder.accountId! };
  });
}

function locateAll(store: Store, ids: number[]): MessageLocation[] {
  const messages = store.messageChanges.locate([...new Set(ids)]);
  const missing = ids.filter((id) => !messages.some((message) => message.id === id));
  if (missing.length) throw new WrenError('NotFound', `There is no message ${missing.join(', ')}.`, { messageIds: missing });
  return messages;
}

function oneAccount(messages: MessageLocation[]): number {
  const accounts = new Set(messages.map((message) => message.accountId));
  const [accountId] = accounts;
  if (accounts.size !== 1 || accountId === null || accountId === undefined) {
    throw new WrenError('BadRequest', 'An operation takes messages of one server account at a time.', { accounts: [...accounts] });
  }
  return accountId;
}

function remoteFolder(store: Store, folderId: number): FolderRecord {
  const folder = store.folders.get(folderId);
  if (!folder || folder.accountId === null) throw new WrenError('NotFound', `There is no folder ${folderId} on a server.`, { folderId });
  return folder;
}

function targetFolder(store: Store, accountId: number, folderId: number): FolderRecord {
  const folder = remoteFolder(store, folderId);
  if (folder.accountId !== accountId) throw new WrenError('BadRequest', 'Moving or copying to another account comes later.', { folderId });
  if (!folder.selectable) throw new WrenError('BadRequest', `The folder ${folder.path} cannot hold messages.`, { folderId });
  return folder;
}

function roleFolder(store: Store, accountId: number, role: FolderRole): FolderRecord {
  const folder = store.folders.list(accountId).find((candidate) => candidate.role === role);
  if (!folder) throw new WrenError('NotFound', `This account has no ${role} folder.`, { accountId, role });
  return folder;
}
