import type { AccountView, FolderRole, FolderView } from '../../../src-main/ipc/contract';
import { flattenFolders } from '../FolderTree/folder-hierarchy';
import { LOCAL_FOLDERS, type AccountFolders } from './use-account-folders';

/** Unread mail nobody reads through: junk, and what was thrown away. */
const PASSED_OVER: ReadonlySet<FolderRole> = new Set(['junk', 'trash']);

/**
 * Thunderbird's "advance to the next unread message in the next folder": the first folder after `current`, in the
 * folder pane's order (the accounts in theirs, then Local Folders; round to the top), that holds unread mail, Junk
 * and Trash passed over. Null when no other folder has any.
 */
export function nextUnreadFolder(current: FolderView | null, accounts: AccountView[], foldersByAccount: Map<number, AccountFolders>): FolderView | null {
  const ordered = [...accounts.map((account) => account.id), LOCAL_FOLDERS].flatMap((accountId) =>
    flattenFolders(foldersByAccount.get(accountId)?.folders ?? []).map((node) => node.folder),
  );
  const here = current ? ordered.findIndex((folder) => folder.id === current.id) : -1;
  const after = [...ordered.slice(here + 1), ...ordered.slice(0, Math.max(here, 0))];
  return after.find((folder) => folder.selectable && folder.unread > 0 && folder.id !== current?.id && !(folder.role && PASSED_OVER.has(folder.role))) ?? null;
}
