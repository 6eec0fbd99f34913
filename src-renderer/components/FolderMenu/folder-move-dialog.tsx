import type { AccountView, FolderView } from '../../../src-main/ipc/contract';
import { folderDisplayName } from '../../i18n/folder-name';
import { useT } from '../../i18n/i18n-context';
import { FolderPicker } from '../FolderPicker';
import { canMoveInto } from './folder-move-targets';
import { useFolderMove } from './use-folder-move';

interface FolderMoveDialogProps {
  folder: FolderView;
  /** Null: a local folder, moved among the Local Folders. */
  account: AccountView | null;
  /** The folders of its account (or the Local Folders), as the tree shows them. */
  folders: FolderView[];
  onClose(): void;
}

/** Thunderbird's Move To for a folder: its account's folders it may go into, and the top level, typed to filter. */
export function FolderMoveDialog({ folder, account, folders, onClose }: FolderMoveDialogProps) {
  const t = useT();
  const { move } = useFolderMove();
  const topName = account?.name ?? t('folders.local');
  return (
    <FolderPicker
      title={t('folderMove.title', { folder: folderDisplayName(folder, t) })}
      folders={folders}
      groupLabel={() => topName}
      excludeId={folder.id}
      canPick={(candidate) => canMoveInto(folder, candidate, folders)}
      top={folder.parentId === null ? undefined : { label: t('folderMove.top', { account: topName }), onPick: () => move(folder, null, account) }}
      onPick={(parent) => move(folder, parent, account)}
      onClose={onClose}
    />
  );
}
