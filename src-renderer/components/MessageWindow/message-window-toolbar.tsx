import type { MessageSummary } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';
import type { OpenedMessageCommands } from './use-opened-message-commands';

interface ToolbarButton {
  id: string;
  label: StringKey;
  /** Drawn instead of the label, which then names the button (its tooltip, and what a screen reader says). */
  symbol?: string;
  run(): void;
}

/** The folder's previous and next message, then Thunderbird's message window header buttons: answer and forward, then what changes the message. */
export function MessageWindowToolbar({ message, commands, inTrash }: { message: MessageSummary; commands: OpenedMessageCommands; inTrash: boolean }) {
  const t = useT();
  const buttons: ToolbarButton[] = [
    { id: 'previous', label: 'messageWindow.previous', symbol: '↑', run: () => commands.go('previous') },
    { id: 'next', label: 'messageWindow.next', symbol: '↓', run: () => commands.go('next') },
    { id: 'reply', label: 'actions.reply', run: () => commands.write('reply') },
    { id: 'reply-all', label: 'actions.replyAll', run: () => commands.write('replyAll') },
    { id: 'forward', label: 'actions.forward', run: () => commands.write('forward') },
    { id: 'archive', label: 'actions.archive', run: commands.archive },
    { id: 'move', label: 'actions.move', run: () => commands.pick('move') },
    { id: 'copy', label: 'actions.copy', run: () => commands.pick('copy') },
    { id: 'delete', label: inTrash ? 'deleteForever.confirm' : 'actions.delete', run: commands.remove },
    message.seen ? { id: 'mark-unread', label: 'actions.markUnread', run: () => commands.setSeen(false) } : { id: 'mark-read', label: 'actions.markRead', run: () => commands.setSeen(true) },
    message.flagged ? { id: 'unflag', label: 'actions.unflag', run: () => commands.setFlagged(false) } : { id: 'flag', label: 'actions.flag', run: () => commands.setFlagged(true) },
    { id: 'print', label: 'actions.print', run: commands.print },
    { id: 'save-as', label: 'actions.saveAs', run: commands.saveAs },
  ];
  return (
    <div className="message-toolbar message-window__toolbar" role="toolbar" aria-label={t('actions.label')} data-testid="message-window-toolbar">
      {buttons.map((button) => (
        <button
          key={button.id}
          type="button"
          onClick={button.run}
          data-testid={`window-${button.id}`}
          {...(button.symbol && { 'aria-label': t(button.label), title: t(button.label) })}
        >
          {button.symbol ?? t(button.label)}
        </button>
      ))}
    </div>
  );
}
