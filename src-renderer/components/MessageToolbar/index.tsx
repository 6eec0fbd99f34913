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
  /** New message, and answers to the one selected message (Reply, Reply all, Forward). */
  writing: WritingCommands;
  /** In a Drafts folder the selected draft opens in the composer. */
  inDrafts: boolean;
}

export interface WritingCommands {
  compose(): void;
  reply(): void;
  replyAll(): void;
  forward(): void;
  editDraft(): void;
}

export function MessageToolbar({ commands, count, rows, onShowShortcuts, writing, inDrafts }: MessageToolbarProps) {
  const t = useT();
  const answers = inDrafts
    ? [{ id: 'edit-draft', label: 'actions.editDraft' as const, icon: '✎', run: writing.editDraft }]
    : [
        { id: 'reply', label: 'actions.reply' as const, icon: '↩', run: writing.reply },
        { id: 'reply-all', label: 'actions.replyAll' as const, icon: '⤺', run: writing.replyAll },
        { id: 'forward', label: 'actions.forward' as const, icon: '↪', run: writing.forward },
      ];
  return (
    <div className="message-toolbar" role="toolbar" aria-label={t('actions.label')} data-testid="message-toolbar">
      <button type="button" onClick={writing.compose} data-testid="action-compose">
        <span aria-hidden="true">✉</span> {t('actions.compose')}
      </button>
      {answers.map((entry) => (
        <button key={entry.id} type="button" onClick={entry.run} disabled={count !== 1} data-testid={`action-${entry.id}`}>
          <span aria-hidden="true">{entry.icon}</span> {t(entry.label)}
        </button>
      ))}
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
