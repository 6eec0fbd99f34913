import { useEffect, useRef, type DragEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { isFiltered, listRoleOf, type AccountView, type FolderView, type ListFilter, type SearchHit, type ViewMessageSummary } from '../../../src-main/ipc/contract';
import { isSearchFolderId } from '../Search/search-folder';
import { ServerSearch } from '../Search/server-search';
import { folderDisplayName } from '../../i18n/folder-name';
import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { ErrorNotice } from '../ErrorNotice';
import type { ClickMode, MessageSelection } from '../MailView/use-message-selection';
import { MessageRow } from '../MessageRow';
import { ListFilterControl } from './list-filter-control';
import { ListSortControl } from './list-sort-control';
import { startMessageDrag } from './message-drag';
import { gathersFolders, rowShownRole } from './row-folder-role';
import type { MessagePages } from './message-pages';
import './message-list.css';

const ROW_HEIGHT = 52;

interface MessageListProps {
  folder: FolderView | null;
  pages: MessagePages | null;
  selection: MessageSelection;
  /** A right click on row `index`, at the pointer; or the context-menu key (Shift+F10) on the focused row, below it. */
  onRowMenu(index: number, at: { x: number; y: number }): void;
  /** The messages an open context menu acts on: outlined, not selected (Thunderbird's context target). */
  menuTarget?: number[];
  /** A double click on row `index` (after its clicks selected it). */
  onRowOpen(index: number): void;
  /** For the account mark on each row of a unified view. */
  accounts?: AccountView[];
  /** Above the list whatever is open (the search box). */
  top?: ReactNode;
  /** The rows' element, which takes the keyboard's focus (from the search box, see useFocusResults). */
  listRef?: RefObject<HTMLDivElement | null>;
  /** The name of the folder's account while it is offline: an empty list then may not be an empty folder. */
  offlineAccount?: string;
  /** The quick filter over a folder or a unified view (not offered for search results, whose query narrows them). */
  filter?: ListFilter;
  onFilter?(filter: ListFilter): void;
}

/**
 * The list of the open folder (or view, or search results). What is on top (the search box)
 * lives outside the rows' subtree, which starts afresh for each folder and query: typing a
 * query must keep the field, its focus and an IME composition in progress.
 */
export function MessageList({ folder, pages, selection, onRowMenu, menuTarget, onRowOpen, accounts, top, listRef, offlineAccount, filter, onFilter }: MessageListProps) {
  const t = useT();
  return (
    <section className="message-list" aria-label={folder ? folderDisplayName(folder, t) : undefined}>
      {top}
      {folder && pages ? (
        <FolderMessages key={`${folder.id}:${pages.query}`} folder={folder} pages={pages} selection={selection} onRowMenu={onRowMenu} menuTarget={menuTarget} onRowOpen={onRowOpen} accounts={accounts} offlineAccount={offlineAccount}
          filter={filter} onFilter={onFilter} listRef={listRef} />
      ) : (
        <div className="message-list message-list--empty">{t('messages.chooseFolder')}</div>
      )}
    </section>
  );
}

function clickMode(event: MouseEvent): ClickMode {
  if (event.shiftKey) return 'range';
  return event.ctrlKey || event.metaKey ? 'toggle' : 'only';
}

/** The rows of one folder, virtualized: only the rows in view (and a margin) exist in the DOM. */
function FolderMessages({ folder, pages, selection, onRowMenu, menuTarget, onRowOpen, accounts, offlineAccount, filter, onFilter, listRef }: Omit<MessageListProps, 'top'> & { folder: FolderView; pages: MessagePages }) {
  const t = useT();
  const searching = isSearchFolderId(folder.id);
  // A unified view or search results gather many folders: each row names its account, and decides by its own folder's role.
  const markAccounts = gathersFolders(folder) ? accounts : undefined;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: pages.total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  useEffect(() => pages.showRows(first, last), [pages, first, last]);
  // The keyboard moved the selection: bring its row into view (which also fetches its page).
  const scroll = selection.scroll;
  useEffect(() => {
    if (scroll) virtualizer.scrollToIndex(scroll.index);
  }, [scroll, virtualizer]);

  const onDragStart = (index: number, event: DragEvent) => {
    const message = pages.rowAt(index);
    if (!message) return;
    const withSelection = selection.ids.has(message.id);
    if (!withSelection) void selection.click(index, 'only');
    const accountId = folder.accountId ?? (message as ViewMessageSummary).accountId ?? null;
    startMessageDrag(event, { accountId, messageIds: pages.withThreads(withSelection ? selection.ids : [message.id]) });
  };

  // The context-menu key or Shift+F10 on the list (a right click lands on a row, handled there): the focused row's menu, below it.
  const onKeyboardMenu = (event: MouseEvent) => {
    const target = event.target as Element;
    if (target.closest('[data-testid="message-row"]')) return;
    const index = selection.focusId === null ? -1 : pages.indexOf(selection.focusId);
    const row = scroller.current?.querySelector(`[data-message-id="${selection.focusId}"]`)?.getBoundingClientRect();
    if (index < 0 || !row) return;
    event.preventDefault();
    onRowMenu(index, { x: row.left + 24, y: row.bottom });
  };

  // Only the pages of a folder or a view carry the quick filter: search results are asked for without it, so it is not shown there.
  return (
    <>
      <FolderSummary folder={folder} pages={pages} offlineAccount={offlineAccount} account={accounts && accounts.length > 1 ? accounts.find((each) => each.id === folder.accountId) : undefined}
        filterBar={pages.filter && filter && onFilter ? <ListFilterControl key={folder.id} filter={filter} onFilter={onFilter} /> : null} />
      <div
        ref={(element) => {
          scroller.current = element;
          if (listRef) listRef.current = element;
        }}
        className="message-list__scroller"
        role="listbox"
        aria-multiselectable="true"
        tabIndex={0}
        onContextMenu={onKeyboardMenu}
        data-testid="message-list"
      >
        <div className="message-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const message = pages.rowAt(row.index);
            return (
              <MessageRow
                key={row.key}
                message={message}
                folderRole={rowShownRole(folder, message)}
                account={markAccounts && message ? markAccounts.find((a) => a.id === (message as ViewMessageSummary).accountId) : undefined}
                place={searching && message ? placeOf(message as SearchHit, t) : undefined}
                selected={message !== undefined && selection.ids.has(message.id)}
                focused={message !== undefined && message.id === selection.focusId}
                menuTarget={message !== undefined && menuTarget?.includes(message.id) === true}
                onClick={(event) => void selection.click(row.index, clickMode(event))}
                onDoubleClick={() => onRowOpen(row.index)}
                onContextMenu={(event) => {
                  event.preventDefault();
                  onRowMenu(row.index, { x: event.clientX, y: event.clientY });
                }}
                onDragStart={(event) => onDragStart(row.index, event)}
                onToggleThread={pages.threaded ? (rootId) => pages.toggleThread(rootId) : undefined}
                style={{ height: row.size, transform: `translateY(${row.start}px)` }}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}

/** The folder's name, sort and count, then the quick filter (`filterBar`), then what the list has to say (empty, still indexing…). */
/** `account`: the folder's, named beside it when there are several (every account has an Inbox). */
function FolderSummary({ folder, pages, offlineAccount, account, filterBar }: { folder: FolderView; pages: MessagePages; offlineAccount?: string; account?: AccountView; filterBar: ReactNode }) {
  const t = useT();
  const empty = isSearchFolderId(folder.id)
    ? t('search.none')
    : pages.filter && isFiltered(pages.filter)
      ? t('filter.none')
      : offlineAccount === undefined
      ? t('messages.empty')
      : t('messages.emptyOffline', { account: offlineAccount });
  return (
    <>
      <header className="message-list__header">
        <span className="message-list__folder" data-testid="message-list-folder">
          {folderDisplayName(folder, t)}
          {account && <span className="message-list__account"> · {account.name}</span>}
        </span>
        {/* Threads are asked only with a folder's pages (messages.list): views and search results are listed flat. */}
        {pages.sort && <ListSortControl folderRole={listRoleOf(folder)} threads={pages.threadsOffered} />}
        {pages.messages !== null && (
          <span className="message-list__count" data-testid="message-list-count">
            {/* Under a quick filter the list counts only what matches: the folder's own total says how much is hidden, as Thunderbird's "0 of 3". */}
            {pages.filter && isFiltered(pages.filter) ? t('messages.countOf', { shown: pages.messages, total: folder.total }) : t('messages.count', { count: pages.messages })}
          </span>
        )}
      </header>
      {filterBar}
      {pages.error && <ErrorNotice error={pages.error} />}
      {pages.total === 0 && <p className="message-list__note" data-testid="message-list-note">{empty}</p>}
      {pages.unindexed > 0 && <p className="message-list__note" role="status">{t('search.indexing', { count: pages.unindexed })}</p>}
      {pages.unknownOperators.length > 0 && (
        <p className="message-list__note" data-testid="search-unknown-operators">
          {t('search.unknownOperators', { count: pages.unknownOperators.length, names: pages.unknownOperators.join(', ') })}
        </p>
      )}
      {pages.textless > 0 && <p className="message-list__note" data-testid="search-textless">{t('search.textless', { count: pages.textless })}</p>}
      {isSearchFolderId(folder.id) && <ServerSearch key={pages.query} query={pages.query} textless={pages.textless} onDownloaded={() => pages.refresh()} />}
      {pages.ignored > 0 && <IgnoredThreadsNote count={pages.ignored} />}
      {pages.total === null && !pages.error && <p className="message-list__note">{t('messages.loadingRow')}</p>}
    </>
  );
}

/**
 * Thunderbird hides ignored threads without a word; here the list says how many of its messages it leaves out,
 * with the way to show them (and to hide them again), as View ▸ Threads ▸ Ignored Threads does there.
 */
function IgnoredThreadsNote({ count }: { count: number }) {
  const t = useT();
  const { settings, update } = useSettings();
  const shown = settings.app.showIgnoredThreads;
  return (
    <p className="message-list__note message-list__note--ignored" data-testid="ignored-threads-note">
      {t(shown ? 'thread.shownInList' : 'thread.hiddenInList', { count })}{' '}
      <button type="button" className="message-list__note-action" onClick={() => void update({ app: { showIgnoredThreads: !shown } })} data-testid="ignored-threads-toggle">
        {t(shown ? 'thread.hideIgnored' : 'thread.showIgnored')}
      </button>
    </p>
  );
}

/** Where a search result lives: its folder, named as the folder tree names it, and "Local Folders" for a local one. */
function placeOf(hit: SearchHit, t: ReturnType<typeof useT>): string {
  const name = folderDisplayName({ name: hit.folderName, role: hit.folderRole }, t);
  return hit.accountId === null ? `${t('folders.local')} › ${name}` : name;
}
