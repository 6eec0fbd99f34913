import type { CSSProperties, DragEvent, MouseEvent } from 'react';
import type { AccountView, FolderRole, MessageSummary } from '../../../src-main/ipc/contract';
import { formatListDate } from '../../format/format-date';
import { formatSize } from '../../format/format-size';
import { useI18n } from '../../i18n/i18n-context';
import { TagChips } from '../TagChips';
import { rowPerson } from './row-person';

interface MessageRowProps {
  message: MessageSummary | undefined;
  /** The role of the folder the message is in: Sent and Drafts rows name the recipients. */
  folderRole: FolderRole | null;
  /** In a unified view: the message's account, marked by its colour and name. */
  account?: AccountView;
  /** In search results: the folder the message is in. */
  place?: string;
  selected: boolean;
  /** Where the keyboard is: j/k and Shift+arrows move from here. */
  focused: boolean;
  onClick(event: MouseEvent): void;
  /** A double click: a draft opens in the composer. */
  onDoubleClick(): void;
  onContextMenu(event: MouseEvent): void;
  onDragStart(event: DragEvent): void;
  /** Position and height from the virtualizer. */
  style: CSSProperties;
}

/** One line of the list, dragged onto a folder to move it; a row whose page has not arrived yet shows a placeholder. */
export function MessageRow({ message, folderRole, account, place, selected, focused, onClick, onDoubleClick, onContextMenu, onDragStart, style }: MessageRowProps) {
  const { t, locale } = useI18n();
  if (!message) {
    return (
      <div className="message-row message-row--placeholder" style={style}>
        {t('messages.loadingRow')}
      </div>
    );
  }
  const person = rowPerson(message, folderRole, t);
  const rowStyle = account ? { ...style, borderInlineStart: `3px solid ${account.colour}` } : style;
  const classes = ['message-row', message.seen ? '' : 'message-row--unread', selected ? 'message-row--selected' : '', focused ? 'message-row--focused' : ''];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      style={rowStyle}
      role="option"
      aria-selected={selected}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onContextMenu={onContextMenu}
      draggable
      onDragStart={onDragStart}
      onMouseDown={(event) => event.shiftKey && event.preventDefault() /* no text selection on shift-click */}
      data-testid="message-row"
      data-message-id={message.id}
    >
      <div className="message-row__line">
        <span className="message-row__sender" title={person.title} data-testid="message-person">{person.label}</span>
        {message.flagged && <span className="message-row__flag" title={t('messages.flagged')}>★</span>}
        {message.hasAttachments && <span title={t('messages.hasAttachments')}>📎</span>}
        <span className="message-row__date">{formatListDate(message.date, locale)}</span>
      </div>
      <div className="message-row__line">
        {account && (
          <span className="message-row__account" title={account.email} data-testid="message-account">
            <span className="account-mark" style={{ background: account.colour }} aria-hidden="true" />
            {account.name}
          </span>
        )}
        {place && <span className="message-row__place" data-testid="message-place">{place}</span>}
        <TagChips tags={message.tags} />
        <span className="message-row__subject">{message.subject || t('messages.noSubject')}</span>
        <span className="message-row__size">{formatSize(message.size, locale)}</span>
      </div>
    </div>
  );
}
