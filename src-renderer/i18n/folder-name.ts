import { isTemplatesFolder, type FolderRole, type FolderView } from '../../src-main/ipc/contract';
import type { Translate } from './translate';

/**
 * Special folders go by their role in the user's language ("INBOX" → "收件箱"), so does any folder named INBOX, and so do the folders of
 * templates (the Local Folders' one, which Wren makes under a fixed path, and an account's own), and the special
 * folders a removed POP3 account left in the Local Folders; others by their own name.
 */
export function folderDisplayName(folder: Pick<FolderView, 'role' | 'name'> & Partial<Pick<FolderView, 'accountId' | 'path'>>, t: Translate): string {
  if (folder.role) return t(`folder.${folder.role}`);
  // A name IMAP reserves (any case) without the role: a removed POP3 account's Inbox, kept in the Local Folders.
  if (folder.name.toUpperCase() === 'INBOX') return t('folder.inbox');
  const { accountId, path } = folder;
  const kept = accountId === null && path !== undefined ? keptRole(path) : null;
  if (kept) return t(`folder.${kept}`);
  return accountId !== undefined && path !== undefined && isTemplatesFolder({ accountId, path }) ? t('folder.templates') : folder.name;
}

/** The names Wren gives a POP3 account's special folders, kept here only (the core's LOCAL_SENT, LOCAL_TRASH…). */
const POP3_ROLE_NAMES: Readonly<Record<string, FolderRole>> = { Sent: 'sent', Drafts: 'drafts', Trash: 'trash', Archives: 'archive', Junk: 'junk' };

/**
 * The role a removed POP3 account's special folder had, from its place: Local Folders ▸ <the address> ▸ Trash
 * (keepAccountMail). It is shown as that folder, but keeps no role: it is no second Local Folders Trash. A folder
 * of that name elsewhere (Projects/Trash) is the user's own.
 */
function keptRole(path: string): FolderRole | null {
  const [home, name, ...deeper] = path.split('/');
  if (!home?.includes('@') || name === undefined || deeper.length > 0) return null;
  return POP3_ROLE_NAMES[name] ?? null;
}
