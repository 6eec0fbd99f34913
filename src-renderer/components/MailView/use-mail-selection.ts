import { useEffect, useState } from 'react';
import type { AccountView, FolderView, ListFilter, UnifiedViewCount } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { viewFolder, viewOfFolderId } from '../UnifiedViews/view-folders';
import { useMessagePages } from '../MessageList/use-message-pages';
import { searchFolder } from '../Search/search-folder';
import { LOCAL_FOLDERS, type AccountFolders } from './use-account-folders';
import { useMessageSelection } from './use-message-selection';

/**
 * Which folder is open, its pages of messages, and which of them are
 * selected. Until the user picks a folder, and whenever the open folder
 * disappears, the first account's inbox is opened; another folder starts
 * with nothing selected.
 */
export function useMailSelection(
  accounts: AccountView[],
  foldersByAccount: Map<number, AccountFolders>,
  viewCounts: UnifiedViewCount[] | null = null,
  /** The name the query was saved under, if it was: its results are then named as that search folder. */
  savedNameOf: (query: string) => string | undefined = () => undefined,
) {
  const t = useT();
  const [folderId, setFolderId] = useState<number | null>(null);
  // While a search is on, its results take the folder's place; the folder is kept to return to.
  const [query, setQuery] = useState('');
  // Each folder opened starts the search box afresh: words typed a moment before must not search later, over the folder.
  const [searchBoxKey, setSearchBoxKey] = useState(0);
  const openFolder = findView(folderId, viewCounts, t) ?? findFolder(foldersByAccount, folderId);
  const fallbackId = openFolder ? null : (firstInbox(accounts, foldersByAccount)?.id ?? null);

  useEffect(() => {
    if (fallbackId !== null) setFolderId(fallbackId);
  }, [fallbackId]);
  // The quick filter belongs to the folder open now: another folder starts unfiltered, as in Thunderbird.
  const [filter, setFilter] = useState<ListFilter>({});
  const searchPlace = query ? searchFolder(query, 0, t, savedNameOf(query)) : null;
  const pages = useMessagePages(searchPlace?.id ?? openFolder?.id ?? null, query, filter);
  const folder = searchPlace ? { ...searchPlace, total: pages?.total ?? 0 } : openFolder;
  const messages = useMessageSelection(pages);

  return {
    folder,
    query,
    setQuery,
    /** The search box's React key: a new one ends what it was about to search. */
    searchBoxKey,
    /** Move and copy targets: the open folder's account's folders and the local folders (from a local folder, every account's). */
    accountFolders: targetFolders(folder, foldersByAccount),
    pages,
    messages,
    filter,
    setFilter,
    selectFolder: (next: FolderView) => {
      setQuery('');
      setFilter({});
      setSearchBoxKey((key) => key + 1);
      setFolderId(next.id);
    },
  };
}

/**
 * Where Move to / Copy to may put mail: every account's folders and the Local Folders, as Thunderbird's Move To
 * lists them (the core moves across accounts), the open folder's own account first, then the Local Folders.
 */
function targetFolders(folder: FolderView | null, foldersByAccount: Map<number, AccountFolders>): FolderView[] {
  if (!folder) return [];
  const own = folder.accountId ?? LOCAL_FOLDERS;
  const local = foldersByAccount.get(LOCAL_FOLDERS)?.folders ?? [];
  const others = [...foldersByAccount].filter(([key]) => key !== own && key !== LOCAL_FOLDERS).flatMap(([, entry]) => entry.folders ?? []);
  if (own === LOCAL_FOLDERS) return [...local, ...others];
  return [...(foldersByAccount.get(own)?.folders ?? []), ...local, ...others];
}

/** A unified view stays open while the views are shown (more than one account). */
function findView(folderId: number | null, viewCounts: UnifiedViewCount[] | null, t: Translate): FolderView | null {
  const view = folderId === null ? null : viewOfFolderId(folderId);
  if (!view || !viewCounts) return null;
  return viewFolder(view, viewCounts.find((count) => count.view === view), t);
}

function findFolder(foldersByAccount: Map<number, AccountFolders>, folderId: number | null): FolderView | null {
  if (folderId === null) return null;
  for (const { folders } of foldersByAccount.values()) {
    const found = folders?.find((folder) => folder.id === folderId);
    if (found) return found;
  }
  return null;
}

/** The Inbox of `accountId` when it has one (Go ▸ Inbox from its folders, as in Thunderbird), else the first account's. */
export function inboxFor(accountId: number | null | undefined, accounts: AccountView[], foldersByAccount: Map<number, AccountFolders>): FolderView | null {
  const own = accountId == null ? undefined : foldersByAccount.get(accountId)?.folders?.find((folder) => folder.role === 'inbox');
  return own ?? firstInbox(accounts, foldersByAccount);
}

function firstInbox(accounts: AccountView[], foldersByAccount: Map<number, AccountFolders>): FolderView | null {
  for (const account of accounts) {
    const folders = foldersByAccount.get(account.id)?.folders ?? [];
    const inbox = folders.find((folder) => folder.role === 'inbox') ?? folders.find((folder) => folder.selectable);
    if (inbox) return inbox;
  }
  return null;
}
