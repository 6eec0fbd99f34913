import { LOCAL_TEMPLATES, type FolderView } from '../../src-main/ipc/contract';
import type { Translate } from './translate';

/**
 * Special folders go by their role in the user's language ("INBOX" → "收件箱"), and so does the Local Folders'
 * Templates, which Wren makes (Save as Template) under that fixed path; others by their own name.
 */
export function folderDisplayName(folder: Pick<FolderView, 'role' | 'name'> & Partial<Pick<FolderView, 'accountId' | 'path'>>, t: Translate): string {
  if (folder.role) return t(`folder.${folder.role}`);
  return folder.accountId === null && folder.path === LOCAL_TEMPLATES ? t('folder.templates') : folder.name;
}
