import type { FolderView, UnifiedViewCount } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { UNIFIED_VIEWS, viewFolder } from './view-folders';

const VIEW_ICONS = { inbox: '📥', unread: '●', flagged: '★' } as const;

interface UnifiedViewsProps {
  counts: UnifiedViewCount[] | null;
  selectedFolderId: number | null;
  onSelect(folder: FolderView): void;
}

/** All Inboxes, Unread and Flagged across every account, above the accounts, each with its count. */
export function UnifiedViews({ counts, selectedFolderId, onSelect }: UnifiedViewsProps) {
  const t = useT();
  return (
    <section className="folder-tree__account" data-testid="unified-views">
      <h2 className="folder-tree__account-name">{t('views.heading')}</h2>
      <ul className="folder-tree__folders">
        {UNIFIED_VIEWS.map((view) => {
          const count = counts?.find((entry) => entry.view === view);
          const folder = viewFolder(view, count, t);
          const shown = view === 'flagged' ? (count?.total ?? 0) : (count?.unread ?? 0);
          return (
            <li key={view} className="folder-row" data-testid={`view-${view}`}>
              <button type="button" className="folder-row__button" aria-current={folder.id === selectedFolderId || undefined} onClick={() => onSelect(folder)}>
                <span className="folder-row__icon" aria-hidden="true">
                  {VIEW_ICONS[view]}
                </span>
                <span className="folder-row__name">{folder.name}</span>
                {shown > 0 && (
                  <span className="folder-row__unread" title={t(view === 'flagged' ? 'views.flaggedCount' : 'folders.unread', { count: shown })} data-testid={`view-${view}-count`}>
                    {shown}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
