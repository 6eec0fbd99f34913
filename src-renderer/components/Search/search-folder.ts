import type { FolderView } from '../../../src-main/ipc/contract';
import type { Translate } from '../../i18n/translate';

/**
 * Search results open in the message list like a folder (as the unified
 * views do), under an id no folder has: the list, the selection, the reading
 * pane and the actions on a selection need nothing new.
 */
export const SEARCH_FOLDER_ID = -10;

export function isSearchFolderId(folderId: number | null): boolean {
  return folderId === SEARCH_FOLDER_ID;
}

/** The results as a folder: named by the query, or by the name it was saved under (a search folder). */
export function searchFolder(query: string, total: number, t: Translate, savedName?: string): FolderView {
  return {
    id: SEARCH_FOLDER_ID,
    accountId: null,
    parentId: null,
    path: 'search:',
    name: savedName ?? t('search.results', { query }),
    role: null,
    selectable: true,
    subscribed: true,
    total,
    unread: 0,
  };
}
