import type { CSSProperties, DragEvent, MouseEvent } from 'react';
import type { AccountView, FolderRole, MessageSummary, ThreadPlace } from '../../../src-main/ipc/contract';
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
  /** An open context menu acts on it (outlined, the selection left as it was). */
  menuTarget?: boolean;
  onClick(event: MouseEvent): void;
  /** A double click: a draft opens in the composer. */
  onDoubleClick(): void;
  onContextMenu(event: MouseEvent): void;
  onDragStart(event: DragEvent): void;
  /** In a threaded list: the twisty of a thread's first message collapses or expands the thread. */
  onToggleThread?(rootId: number): void;
  /** Position and height from the virtualizer. */
  style: CSSProperties;
}

/** One line of the list, dragged onto a folder to move it; a row whose page has not arrived yet shows a placeholder. */
export function MessageRow({ message, folderRole, account, place, selected, focused, menuTarget = false, onClick, onDoubleClick, onContextMenu, onDragStart, onToggleThread, style }: MessageRowProps) {
  const { t, locale } = useI18n();
  if (!message) {
    return (
      <div className="message-row message-row--placeholder" style={style}>
        {t('messages.loadingRow')}
      </div>
    );
  }
  const person = rowPerson(message, folderRole, t);
  const thread = message.thread;
  const rowStyle = { ...style, ...(account && { borderInlineStart: `3px solid ${account.colour}` }), ...(thread && { paddingInlineStart: threadIndent(thread.depth) }) };
  // A collapsed thread reads as unread while any of its messages is, as in Thunderbird.
  const unread = !message.seen || (thread?.collapsed === true && thread.unread > 0);
  const classes = ['message-row', unread ? 'message-row--unread' : '', selected ? 'message-row--selected' : '', focused ? 'message-row--focused' : '', menuTarget ? 'message-row--menu-target' : ''];
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
        {thread && thread.depth === 0 && thread.size > 1 && onToggleThread && <ThreadTwisty thread={thread} onToggle={onToggleThread} />}
        <span className="message-row__sender" title={person.title} data-testid="message-person">{person.label}</span>
        {message.answered && <AnswerMark kind="replied" />}
        {message.forwarded && <AnswerMark kind="forwarded" />}
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
        {message.junk && <span className="message-row__junk" data-testid="junk-mark">{t('junk.mark')}</span>}
        {message.priority && <PriorityMark priority={message.priority} />}
        <TagChips tags={message.tags} />
        <span className="message-row__subject">{message.subject || t('messages.noSubject')}</span>
        <span className="message-row__size">{formatSize(message.size, t, locale)}</span>
      </div>
    </div>
  );
}

/** Thunderbird's Priority column, as a mark before the subject: ! for high, ↓ for low, its words on hover and for a screen reader. */
function PriorityMark({ priority }: { priority: 'high' | 'low' }) {
  const { t } = useI18n();
  const words = t('messages.priority', { level: t(`reading.priority.${priority}`) });
  return (
    <span className={`message-row__priority message-row__priority--${priority}`} title={words} aria-label={words} data-testid="priority-mark">
      {priority === 'high' ? '!' : '↓'}
    </span>
  );
}

// U+FE0E asks for the arrows as text: some systems draw ↩ and ↪ as coloured emoji, loud beside the star.
const ANSWER_ARROWS = { replied: '\u21A9\uFE0E', forwarded: '\u21AA\uFE0E' } as const;

/** Thunderbird's replied and forwarded arrows (\Answered, $Forwarded), their words on hover and for a screen reader. */
function AnswerMark({ kind }: { kind: keyof typeof ANSWER_ARROWS }) {
  const { t } = useI18n();
  const words = t(`messages.${kind}`);
  return (
    <span className="message-row__answer" role="img" title={words} aria-label={words} data-testid={`${kind}-mark`}>
      {ANSWER_ARROWS[kind]}
    </span>
  );
}

/** How far a reply is indented: a step per level, up to six, so a deep thread keeps its text readable. */
function threadIndent(depth: number): number {
  return 12 + Math.min(depth, 6) * 16;
}

/** The thread's switch on its first message: ▾ while its replies show, ▸ and the count while collapsed. */
function ThreadTwisty({ thread, onToggle }: { thread: ThreadPlace; onToggle(rootId: number): void }) {
  const { t } = useI18n();
  const label = thread.collapsed ? t('thread.expand', { count: thread.size, unread: thread.unread }) : t('thread.collapse');
  return (
    <button
      type="button"
      className="message-row__twisty"
      aria-expanded={!thread.collapsed}
      aria-label={label}
      title={label}
      onClick={(event) => {
        event.stopPropagation();
        onToggle(thread.rootId);
      }}
      onDoubleClick={(event) => event.stopPropagation()}
      data-testid="thread-twisty"
    >
      {thread.collapsed ? `▸ ${thread.size}` : '▾'}
    </button>
  );
}
