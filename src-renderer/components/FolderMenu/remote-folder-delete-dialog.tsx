import { useEffect, useRef } from 'react';
import type { FolderView } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { ClientError } from '../../client/wren-client';
import { useRequest } from '../../hooks/use-request';
import { useI18n } from '../../i18n/i18n-context';
import { ConfirmDialog } from '../Dialog/confirm-dialog';

interface RemoteFolderDeleteDialogProps {
  folder: FolderView;
  /** The folder as shown (its role's name in the user's language). */
  name: string;
  onDeleted(): void;
  onError(error: unknown): void;
  onClose(): void;
}

/**
 * Deleting a folder on the server says what goes with it: its subfolders and
 * all their mail, counted by the core. The subfolders shown are the ones sent
 * with the delete: the core refuses it if there are others by then, and the
 * replay deletes no subfolder another device made since.
 */
export function RemoteFolderDeleteDialog({ folder, name, onDeleted, onError, onClose }: RemoteFolderDeleteDialogProps) {
  const client = useClient();
  const { t } = useI18n();
  const plan = useRequest('folders.deletePlan', { folderId: folder.id });
  useFailure(plan.error, onError, onClose);
  if (!plan.data) return null;
  const { subfolders } = plan.data;
  const count = subfolders.reduce((sum, sub) => sum + sub.messages, plan.data.messages);
  const remove = () =>
    client.request('folders.delete', { folderId: folder.id, subfolders: subfolders.map((sub) => sub.path) }).then(onDeleted, onError);
  // An empty folder is not offered "and its 0 messages".
  const empty = !subfolders.length && count === 0;
  const title = subfolders.length ? 'folderDialog.deleteWithSubfoldersTitle' : empty ? 'folderDialog.deleteTitle' : 'folderDialog.deleteWithMessagesTitle';
  const text = subfolders.length ? 'folderDialog.deleteWithSubfoldersText' : empty ? 'folderDialog.deleteEmptyText' : 'folderDialog.deleteText';
  return (
    <ConfirmDialog
      title={t(title, { folder: name, subfolders: subfolders.length, count })}
      text={t(text, { folder: name, count })}
      confirmLabel={t('folderDialog.delete')}
      onConfirm={() => void remove()}
      onClose={onClose}
    />
  );
}

/** A plan that could not be made (the folder gone meanwhile) is said in a toast, and there is nothing to confirm. */
function useFailure(error: ErrorShape | null, onError: (error: unknown) => void, onClose: () => void): void {
  const callbacks = useRef({ onError, onClose });
  callbacks.current = { onError, onClose };
  useEffect(() => {
    if (!error) return;
    callbacks.current.onError(new ClientError(error));
    callbacks.current.onClose();
  }, [error]);
}
