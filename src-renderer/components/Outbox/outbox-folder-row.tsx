import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';

/**
 * "Outbox" in the folder pane, there only while it holds something, with how
 * many; the count turns red while a message failed or waits for the user's answer.
 */
export function OutboxFolderRow({ entries, selected, onSelect }: { entries: OutboxEntryView[]; selected: boolean; onSelect(): void }) {
  const t = useT();
  if (entries.length === 0) return null;
  const needsUser = entries.some((entry) => entry.state === 'failed' || entry.state === 'unknown');
  return (
    <ul className="folder-tree__folders folder-tree__outbox">
      <li className="folder-row" data-testid="outbox-folder">
        <button type="button" className="folder-row__button" aria-current={selected || undefined} onClick={onSelect}>
          <span className="folder-row__icon" aria-hidden="true">📤</span>
          <span className="folder-row__name">{t('outbox.title')}</span>
          <span className={needsUser ? 'folder-row__unread folder-row__unread--alert' : 'folder-row__unread'}
            title={t(needsUser ? 'outbox.countNeedsYou' : 'outbox.count', { count: entries.length })} data-testid="outbox-count">
            {entries.length}
          </span>
        </button>
      </li>
    </ul>
  );
}
