import type { SavedSearch } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';

interface SavedSearchListProps {
  searches: SavedSearch[];
  /** Each one's unread messages, by id: shown beside its name, as a folder's. */
  unread?: ReadonlyMap<number, number>;
  /** The query the list shows now ('' for a folder): its saved search is marked as the one open. */
  activeQuery: string;
  onOpen(search: SavedSearch): void;
  onMenu(search: SavedSearch, at: { x: number; y: number }): void;
}

/** Thunderbird's search folders: each saved search among the folders, run again (so current) when opened. */
export function SavedSearchList({ searches, unread = new Map(), activeQuery, onOpen, onMenu }: SavedSearchListProps) {
  const t = useT();
  if (searches.length === 0) return null;
  return (
    <section className="folder-tree__account" data-testid="saved-searches">
      <h2 className="folder-tree__account-name">{t('savedSearch.heading')}</h2>
      <ul className="folder-tree__folders">
        {searches.map((search) => (
          <li key={search.id} className="folder-row" data-testid="saved-search" onContextMenu={(event) => {
            event.preventDefault();
            onMenu(search, { x: event.clientX, y: event.clientY });
          }}>
            <button type="button" className="folder-row__button" title={search.query} aria-current={search.query === activeQuery || undefined} onClick={() => onOpen(search)}>
              <span className="folder-row__icon" aria-hidden="true">🔍</span>
              <span className="folder-row__name">{search.name}</span>
              {(unread.get(search.id) ?? 0) > 0 && (
                <span className="folder-row__unread" title={t('folders.unread', { count: unread.get(search.id)! })} data-testid="saved-search-unread">
                  {unread.get(search.id)}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
