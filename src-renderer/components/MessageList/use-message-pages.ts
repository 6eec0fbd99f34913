import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from '../../client/client-context';
import { useClientEvent, useOnReconnect } from '../../hooks/use-client-event';
import { useCoalesced } from '../../hooks/use-coalesced';
import { useSettings } from '../../settings/settings-context';
import type { ListFilter } from '../../../src-main/ipc/contract';
import { viewOfFolderId } from '../UnifiedViews/view-folders';
import { isSearchFolderId } from '../Search/search-folder';
import { MessagePages } from './message-pages';
import { foldSettingsWith, savedFoldsOf, type SavedFolds } from './saved-thread-folds';
import { ThreadFolds } from './thread-folds';

/** A unified view gathers every folder's changes: one refresh per this interval. */
const VIEW_REFRESH_MS = 300;

/** Search results that left messages unindexed are asked again this often, until the index has them all. */
const UNINDEXED_RETRY_MS = 3000;

/** The open folder's (or unified view's, or search's) pages; another folder, query, order or filter starts afresh. */
export function useMessagePages(folderId: number | null, query = '', filter: ListFilter = {}): MessagePages | null {
  const client = useClient();
  const { settings, update: updateSettings } = useSettings();
  const { by, descending } = settings.app.listSort;
  const threads = settings.app.listThreads;
  const hideIgnored = !settings.app.showIgnoredThreads;
  // Compared by value: each render may bring a new object with the same switches.
  const { unread = false, flagged = false, attachments = false, tagged = false, text = '' } = filter;
  const [version, setVersion] = useState(0);
  // Collapsed threads by folder: a folder's first visit starts as the settings keep it, and each change is
  // kept there (threadsCollapsedIn, threadsTurnedIn), so the folder shows them as left after a restart too.
  const foldsByFolder = useRef(new Map<number, ThreadFolds>());
  const appSettings = useRef(settings.app);
  appSettings.current = settings.app;
  const keepFolds = useCallback((id: number, folds: SavedFolds) => {
    const fields = foldSettingsWith(appSettings.current, id, folds);
    if (fields) void updateSettings({ app: fields });
  }, [updateSettings]);
  // Views and search results gather messages of every folder (any message change may touch them). They sort as
  // folders do, without threads; views take the quick filter too, search results have their query instead.
  const isSearch = folderId !== null && isSearchFolderId(folderId);
  const isView = folderId !== null && (viewOfFolderId(folderId) !== null || isSearch);
  const pages = useMemo(() => {
    if (folderId === null) return null;
    const narrowed: ListFilter = { ...(unread && { unread }), ...(flagged && { flagged }), ...(attachments && { attachments }), ...(tagged && { tagged }), ...(text.trim() && { text }), hideIgnored };
    let folds = foldsByFolder.current.get(folderId);
    if (!folds) foldsByFolder.current.set(folderId, (folds = new ThreadFolds(savedFoldsOf(appSettings.current, folderId), (saved) => keepFolds(folderId, saved))));
    return new MessagePages(client, folderId, () => setVersion((version) => version + 1), query, { by, descending }, isSearch ? undefined : narrowed, !isView && threads, folds);
    // The settings seed a folder's first visit; later changes reach the same folds through followSavedFolds.
  }, [client, folderId, query, isView, isSearch, by, descending, unread, flagged, attachments, tagged, text, hideIgnored, threads, keepFolds]);
  useEffect(() => pages?.showRows(0, 0), [pages]);
  // Until the settings arrive the defaults hold: a folder opened before them, or changed in another window, follows.
  const saved = folderId === null ? null : savedFoldsOf(settings.app, folderId);
  const savedKey = saved && JSON.stringify(saved);
  useEffect(() => {
    if (saved) pages?.followSavedFolds(saved);
    // savedKey stands for saved: compared by value, as each render makes a new object.
  }, [pages, savedKey]);
  const refreshSoon = useCoalesced(() => pages?.refresh(), VIEW_REFRESH_MS);
  useClientEvent('store.changed', ({ changes }) => {
    if (isView) {
      if (changes.some((change) => change.entity !== 'folders')) refreshSoon(0);
    } else if (changes.some((change) => change.entity === 'messages' && change.folderId === folderId)) pages?.refresh();
  });
  // Ignoring a thread changes no message when all of it is read already, yet the list leaves it out (or counts it).
  useClientEvent('thread.ignored', () => {
    if (!isView) pages?.refresh();
  });
  useOnReconnect(() => pages?.refresh());
  const unindexed = pages?.unindexed ?? 0;
  useEffect(() => {
    if (!unindexed) return undefined;
    const timer = setTimeout(() => pages?.refresh(), UNINDEXED_RETRY_MS);
    return () => clearTimeout(timer);
  }, [pages, unindexed, version]);
  return pages;
}
