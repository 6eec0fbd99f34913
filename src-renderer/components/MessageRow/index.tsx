import type { CSSProperties, DragEvent, MouseEvent } from 'react';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import { formatListDate } from '../../format/format-date';
import { formatSize } from '../../format/format-size';
import { senderLabel } from '../../format/format-address';
import { useI18n } from '../../i18n/i18n-context';

interface MessageRowProps {
  message: MessageSummary | undefined;
  selected: boolean;
  /** Where the keyboard is: j/k and Shift+arrows move from here. */
  focused: boolean;
  onClick(event: MouseEvent): void;
  onContextMenu(event: MouseEvent): void;
  onDragStart(event: DragEvent): void;
  /** Position and height from the virtualizer. */
  style: CSSProperties;
}

/** One line of the list, dragged onto a folder to move it; a row whose page has not arrived yet shows a placeholder. */
export function MessageRow({ message, selected, focused, onClick, onContextMenu, onDragStart, style }: MessageRowProps) {
  const { t, locale } = useI18n();
  if (!message) {
    return (
      <div className="message-row message-row--placeholder" style={style}>
        {t('messages.loadingRow')}
      </div>
    );
  }
  const classes = ['message-row', message.seen ? '' : 'message-row--unread', selected ? 'message-row--selected' : '', focused ? 'message-row--focused' : ''];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      style={style}
      role="option"
      aria-selected={selected}
      onClick={onClick}
      onContextMenu={onContextMenu}
      draggable
      onDragStart={onDragStart}
      onMouseDown={(event) => event.shiftKey && event.preventDefault() /* no text selection on shift-click */}
      data-testid="message-row"
      data-message-id={message.id}
    >
      <div className="message-row__line">
        <span className="message-row__sender">{senderLabel(message.from) || t('messages.unknownSender')}</span>
        {message.flagged && <span className="message-row__flag" title={t('messages.flagged')}>★</span>}
        {message.hasAttachments && <span title={t('messages.hasAttachments')}>📎</span>}
        <span className="message-row__date">{formatListDate(message.date, locale)}</span>
      </div>
      <div className="message-row__line">
        <span className="message-row__subject">{message.subject || t('messages.noSubject')}</span>
        <span className="message-row__size">{formatSize(message.size, locale)}</span>
      </div>
    </div>
  );
}
