import type { FolderDeleteResult, FolderView } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { folderDisplayName } from '../../i18n/folder-name';
import { useI18n } from '../../i18n/i18n-context';
import { NameDialog } from '../Dialog/name-dialog';
import type { ToastLine } from '../Toasts/toast-line';
import { useToasts } from '../Toasts/toast-context';
import type { FolderDialogState } from './folder-dialog-state';
import { FolderMoveDialog } from './folder-move-dialog';
import { FolderDeleteDialog } from './folder-delete-dialog';
import { FolderEmptyDialog } from './folder-empty-dialog';
import { useFolderMove } from './use-folder-move';

interface FolderDialogsProps {
  dialog: FolderDialogState;
  /** The folders of the dialog's folder's account (or the Local Folders), for Move To and Empty Trash. */
  folders: FolderView[];
  onClose(): void;
  onEmpty(folder: FolderView): void;
}

/** The dialog a folder command asked for, and the request it makes once the user agrees. */
export function FolderDialogs({ dialog, folders, onClose, onEmpty }: FolderDialogsProps) {
  const client = useClient();
  const { t } = useI18n();
  const toasts = useToasts();
  const { putBack } = useFolderMove();
  const done = (line: ToastLine) => toasts.show({ tone: 'info', lines: [line] });
  const failed = (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] });

  if (dialog.kind === 'create') {
    const title = dialog.parent
      ? t('folderDialog.newTitle', { folder: folderDisplayName(dialog.parent, t) })
      : t('folderDialog.newTopTitle', { account: dialog.account?.name ?? t('folders.local') });
    // A refusal is said in the dialog, which stays open to correct the name.
    const create = (name: string) =>
      client
        .request('folders.create', { accountId: dialog.account?.id ?? null, parentId: dialog.parent?.id ?? null, name })
        .then((created) => done({ key: 'done.folderCreated', folder: created }));
    return <NameDialog title={title} label={t('folderDialog.name')} initial="" submitLabel={t('folderDialog.create')} onSubmit={create} onClose={onClose} />;
  }
  const { folder } = dialog;
  const name = folderDisplayName(folder, t);
  if (dialog.kind === 'rename') {
    const rename = (next: string) => client.request('folders.rename', { folderId: folder.id, name: next }).then((renamed) => done({ key: 'done.folderRenamed', folder: renamed }));
    return (
      <NameDialog title={t('folderDialog.renameTitle', { folder: name })} label={t('folderDialog.name')} initial={folder.name} submitLabel={t('folderDialog.rename')} onSubmit={rename} onClose={onClose} />
    );
  }
  if (dialog.kind === 'move') return <FolderMoveDialog folder={folder} account={dialog.account} folders={folders} onClose={onClose} />;
  if (dialog.kind === 'delete') {
    const deleted = (result: FolderDeleteResult) => {
      if (!('movedTo' in result)) return done({ key: 'done.folderDeleted', folder });
      // Trash had a folder of that name: the toast names the one that is this folder now; Undo brings it back as it was.
      const line: ToastLine = result.name === folder.name ? { key: 'done.folderMovedToTrash', folder } : { key: 'done.folderMovedToTrashAs', folder, values: { name: result.name } };
      toasts.show({ tone: 'info', lines: [line], undo: putBack(folder) });
    };
    return <FolderDeleteDialog folder={folder} name={name} onDeleted={deleted} onError={failed} onClose={onClose} />;
  }
  // Empty Trash takes the folders deleted into it too: the dialog says how many, with their mail and filters.
  return <FolderEmptyDialog folder={folder} name={name} folders={folders} onEmpty={onEmpty} onError={failed} onClose={onClose} />;
}
