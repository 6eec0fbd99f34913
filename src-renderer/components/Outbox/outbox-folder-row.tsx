import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';
import { outboxStateWords } from './outbox-state-words';

/**
 * "Outbox" in the folder pane, there only while it holds something (or is open), with how
 * many; the count turns red while a message failed or waits for the user's
 * answer, and is marked (not red) while one did not go and will be tried again.
 */
export function OutboxFolderRow({ entries, selected, onSelect }: { entries: OutboxEntryView[]; selected: boolean; onSelect(): void }) {
  const t = useT();
  // Emptied while open, it stays until the user leaves it: the view must not lose its place in the pane.
  if (entries.length === 0 && !selected) return null;
  const count = countLook(entries);
  return (
    <ul className="folder-tree__folders folder-tree__outbox">
      <li className="folder-row" data-testid="outbox-folder">
        <button type="button" className="folder-row__button" aria-current={selected || undefined} onClick={onSelect}>
          <span className="folder-row__icon" aria-hidden="true">📤</span>
          <span className="folder-row__name">{t('outbox.title')}</span>
          {entries.length > 0 && (
            <span className={count.className} title={t(count.title, { count: entries.length })} data-testid="outbox-count">
              {entries.length}
            </span>
          )}
        </button>
      </li>
    </ul>
  );
}

function countLook(entries: OutboxEntryView[]): { className: string; title: StringKey } {
  if (entries.some((entry) => entry.state === 'failed' || entry.state === 'unknown')) {
    return { className: 'folder-row__unread folder-row__unread--alert', title: 'outbox.countNeedsYou' };
  }
  if (entries.some((entry) => outboxStateWords(entry).kind === 'retrying')) {
    return { className: 'folder-row__unread folder-row__unread--notice', title: 'outbox.countRetrying' };
  }
  return { className: 'folder-row__unread', title: 'outbox.count' };
}
