import type { MessageSummary } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { commandEntries, type MessageCommands } from './message-commands';
import './message-toolbar.css';

interface MessageToolbarProps {
  commands: MessageCommands;
  /** How many messages are selected; the buttons act on all of them. */
  count: number;
  /** The selected rows that are loaded, to word read/unread and flag/unflag. */
  rows: MessageSummary[];
  onShowShortcuts(): void;
}

export function MessageToolbar({ commands, count, rows, onShowShortcuts }: MessageToolbarProps) {
  const t = useT();
  return (
    <div className="message-toolbar" role="toolbar" aria-label={t('actions.label')} data-testid="message-toolbar">
      {commandEntries(commands, rows).map((entry) => (
        <button key={entry.id} type="button" onClick={entry.run} disabled={count === 0} data-testid={`action-${entry.id}`}>
          <span aria-hidden="true">{entry.icon}</span> {t(entry.label)}
        </button>
      ))}
      <span className="message-toolbar__spacer" />
      {count > 1 && <span className="message-toolbar__count" data-testid="selection-count">{t('selection.count', { count })}</span>}
      <button type="button" onClick={onShowShortcuts} title={t('shortcuts.title')} data-testid="show-shortcuts">
        ⌨ {t('shortcuts.open')}
      </button>
    </div>
  );
}
