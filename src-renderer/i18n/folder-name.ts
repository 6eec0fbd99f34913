import type { FolderView } from '../../src-main/ipc/contract';
import type { Translate } from './translate';

/** Special folders go by their role in the user's language ("INBOX" → "收件箱"); others by their own name. */
export function folderDisplayName(folder: Pick<FolderView, 'role' | 'name'>, t: Translate): string {
  return folder.role ? t(`folder.${folder.role}`) : folder.name;
}
