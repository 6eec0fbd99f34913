import type { FolderView } from '../../../src-main/ipc/contract';
import { folderDisplayName } from '../../i18n/folder-name';
import type { Translate } from '../../i18n/translate';

/** A folder a filter moves to, as the user knows it: its path, a special folder by its name, a local one under "Local Folders". */
export function filterFolderLabel(folder: FolderView, t: Translate): string {
  const name = folder.role ? folderDisplayName(folder, t) : folder.path;
  return folder.accountId === null ? `${t('folders.local')} › ${name}` : name;
}
