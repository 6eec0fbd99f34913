import { isTemplatesFolder, type FolderView } from '../../src-main/ipc/contract';
import type { Translate } from './translate';

/**
 * Special folders go by their role in the user's language ("INBOX" → "收件箱"), so does any folder named INBOX, and so do the folders of
 * templates (the Local Folders' one, which Wren makes under a fixed path, and an account's own); others by their
 * own name.
 */
export function folderDisplayName(folder: Pick<FolderView, 'role' | 'name'> & Partial<Pick<FolderView, 'accountId' | 'path'>>, t: Translate): string {
  if (folder.role) return t(`folder.${folder.role}`);
  // A name IMAP reserves (any case) without the role: a removed POP3 account's Inbox, kept in the Local Folders.
  if (folder.name.toUpperCase() === 'INBOX') return t('folder.inbox');
  const { accountId, path } = folder;
  return accountId !== undefined && path !== undefined && isTemplatesFolder({ accountId, path }) ? t('folder.templates') : folder.name;
}
