import { useEffect, useRef } from 'react';
import type { FolderDeleteFate, FolderDeleteResult, FolderView } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { ClientError } from '../../client/wren-client';
import { useRequest } from '../../hooks/use-request';
import type { StringKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { filtersOffWords } from './filters-off-words';

interface FolderDeleteDialogProps {
  folder: FolderView;
  /** The folder as shown (its role's name in the user's language). */
  name: string;
  /** The core's answer: moved into Trash (where to), or deleted for good. */
  onDeleted(result: FolderDeleteResult): void;
  onError(error: unknown): void;
  onClose(): void;
}

/**
 * Deleting a folder says what happens (as Thunderbird: into Trash, or for good
 * when it is in Trash already or the account has none) and what goes with it:
 * its subfolders and all their mail, counted by the core. Only an account on
 * a server is told its server has no Trash (a POP3 account's is kept here, and
 * only an old flat one lacks a Trash that can hold folders). A local folder's
 * Trash is the Local Folders' one, and deleted for good it leaves this computer.
 * The subfolders shown are the ones sent with the delete: the core refuses a
 * delete for good if there are others by then, and the replay deletes no
 * subfolder another device made since. The filters that file mail into it
 * (or a subfolder) are named: the delete turns them off, as Thunderbird does.
 */
export function FolderDeleteDialog({ folder, name, onDeleted, onError, onClose }: FolderDeleteDialogProps) {
  const client = useClient();
  const { t, sentences } = useI18n();
  const plan = useRequest('folders.deletePlan', { folderId: folder.id });
  useFailure(plan.error, onError, onClose);
  if (!plan.data) return null;
  const { subfolders } = plan.data;
  const count = subfolders.reduce((sum, sub) => sum + sub.messages, plan.data.messages);
  const remove = () =>
    client.request('folders.delete', { folderId: folder.id, subfolders: subfolders.map((sub) => sub.path) }).then(onDeleted, onError);
  const words = deleteWords(plan.data.fate, subfolders.length, count, !plan.data.onServer);
  const values = { folder: name, subfolders: subfolders.length, count };
  const text = sentences([t(words.text, values), ...filtersOffWords(t, plan.data.filters, 'folderDialog.filtersOff')]);
  return (
    <ConfirmDialog
      title={t(words.title, values)}
      text={plan.data.fate === 'noTrash' && plan.data.onServer ? t('folderDialog.noTrashNote', { text }) : text}
      confirmLabel={t(plan.data.fate === 'trash' ? 'folderDialog.moveToTrash' : 'folderDialog.delete')}
      onConfirm={() => void remove()}
      onClose={onClose}
    />
  );
}

/** The dialog's title and text: into Trash or for good, naming the subfolders and the messages there are (an empty folder is not offered "and its 0 messages"). */
function deleteWords(fate: FolderDeleteFate, subfolders: number, count: number, here: boolean): { title: StringKey; text: StringKey } {
  const empty = !subfolders && count === 0;
  if (fate === 'trash') {
    return { title: 'folderDialog.trashTitle', text: subfolders ? 'folderDialog.trashWithSubfoldersText' : empty ? 'folderDialog.trashEmptyText' : 'folderDialog.trashText' };
  }
  // No server to name (Local Folders, a POP3 account's own folders): the folder leaves this computer.
  if (subfolders) return { title: 'folderDialog.deleteWithSubfoldersTitle', text: here ? 'folderDialog.deleteLocalText' : 'folderDialog.deleteWithSubfoldersText' };
  if (empty) return { title: 'folderDialog.deleteTitle', text: here ? 'folderDialog.deleteLocalEmptyText' : 'folderDialog.deleteEmptyText' };
  return { title: 'folderDialog.deleteWithMessagesTitle', text: here ? 'folderDialog.deleteLocalOneText' : 'folderDialog.deleteText' };
}

/** A plan that could not be made (the folder gone meanwhile) is said in a toast, and there is nothing to confirm. */
export function useFailure(error: ErrorShape | null, onError: (error: unknown) => void, onClose: () => void): void {
  const callbacks = useRef({ onError, onClose });
  callbacks.current = { onError, onClose };
  useEffect(() => {
    if (!error) return;
    callbacks.current.onError(new ClientError(error));
    callbacks.current.onClose();
  }, [error]);
}
