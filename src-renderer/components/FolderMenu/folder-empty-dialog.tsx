import type { FolderView } from '../../../src-main/ipc/contract';
import { useRequest } from '../../hooks/use-request';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { filtersOffWords } from './filters-off-words';
import { useFailure } from './folder-delete-dialog';
import { foldersBelow } from './folder-move-targets';

interface FolderEmptyDialogProps {
  /** Trash or Junk. */
  folder: FolderView;
  /** The folder as shown (its role's name in the user's language). */
  name: string;
  /** The folders of its account (or the Local Folders): those in Trash go too. */
  folders: FolderView[];
  onEmpty(folder: FolderView): void;
  onError(error: unknown): void;
  onClose(): void;
}

/**
 * Empty Trash (or Junk) asks first, saying what goes for good: its messages, and the folders deleted into Trash
 * with theirs, counted from the folder list. The filters filing mail into those folders are named, as a folder
 * delete names them: emptying turns them off. Only a Trash holding folders asks the core which (folders.emptyPlan).
 */
export function FolderEmptyDialog({ folder, name, folders, onEmpty, onError, onClose }: FolderEmptyDialogProps) {
  const { t, sentences } = useI18n();
  const below = folder.role === 'trash' ? foldersBelow(folder, folders) : [];
  const inside = below.reduce((sum, each) => sum + each.total, 0);
  const plan = useRequest('folders.emptyPlan', below.length > 0 ? { folderId: folder.id } : null);
  useFailure(plan.error, onError, onClose);
  if (below.length > 0 && !plan.data) return null;
  const filters = filtersOffWords(t, plan.data?.filters ?? [], 'folderDialog.emptyFiltersOff', { folder: name });
  return (
    <ConfirmDialog
      title={t('folderDialog.emptyTitle', { folder: name })}
      text={sentences([emptyText(t, name, folder.total, below.length, inside), ...filters])}
      confirmLabel={t('folderDialog.empty')}
      onConfirm={() => onEmpty(folder)}
      onClose={onClose}
    />
  );
}

/** What Empty asks about: the messages, the folders deleted into Trash with theirs, or both. */
function emptyText(t: Translate, folder: string, count: number, folders: number, inside: number): string {
  if (folders === 0) return t('folderDialog.emptyText', { folder, count });
  if (count === 0) return t('folderDialog.emptyFoldersOnly', { folder, folders, inside });
  return t('folderDialog.emptyTextWithFolders', { folder, count, folders, inside });
}
