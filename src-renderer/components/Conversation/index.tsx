import { useState } from 'react';
import type { ConversationMessage } from '../../../src-main/ipc/contract';
import { useSettings } from '../../settings/settings-context';
import { useClient } from '../../client/client-context';
import { formatListDate } from '../../format/format-date';
import { useClientEvent } from '../../hooks/use-client-event';
import { useCoalesced } from '../../hooks/use-coalesced';
import { useRequest } from '../../hooks/use-request';
import { folderDisplayName } from '../../i18n/folder-name';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import { MessageBody } from '../MessageBody';
import { rowPerson } from '../MessageRow/row-person';
import { Spinner } from '../Spinner';
import './conversation.css';

/** The conversation is a few quick indexed lookups in the core; a sync's batches come faster than this. */
const RELOAD_DELAY_MS = 300;

/**
 * The open message's conversation, above its text: every message linked to it by its replies, from
 * every folder of the account (the user's own replies from Sent), oldest first. A click on another
 * one shows its text here, under its line, without leaving the open message (as Thunderbird's
 * conversation view and Mail's do); the open message is marked and not a button.
 */
export function Conversation({ messageId, folderId }: { messageId: number; folderId: number }) {
  const { t } = useI18n();
  const conversation = useRequest('messages.conversation', { messageId });
  // A reply arriving, or one read or moved elsewhere, changes the list: one reload per burst of a sync's batches.
  const reloadSoon = useCoalesced(() => conversation.reload(), RELOAD_DELAY_MS);
  useClientEvent('store.changed', ({ changes }) => changes.some((change) => change.entity === 'messages') && reloadSoon(0));
  const [collapsed, setCollapsed] = useState(false);
  const messages = conversation.data?.messages ?? [];
  if (messages.length < 2) return null;
  return (
    <section className="conversation" data-testid="conversation">
      <button type="button" className="conversation__toggle" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)} data-testid="conversation-toggle">
        {collapsed ? '▸' : '▾'} {t('conversation.title', { count: messages.length })}
      </button>
      {!collapsed && (
        <ol className="conversation__items">
          {messages.map((message) => (
            <ConversationItem key={message.id} message={message} current={message.id === messageId} elsewhere={message.folderId !== folderId} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ConversationItem({ message, current, elsewhere }: { message: ConversationMessage; current: boolean; elsewhere: boolean }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const [open, setOpen] = useState(false);
  // Opening a message here is reading it, as in the list: it is marked read, through the journal as any change.
  const toggle = () => {
    if (!open && !message.seen) void client.request('messages.setFlags', { messageId: message.id, seen: true }).catch(() => undefined);
    setOpen(!open);
  };
  const person = rowPerson(message, message.folderRole, t);
  const line = (
    <>
      <span className="conversation__person" title={person.title}>{person.label}</span>
      {elsewhere && <span className="conversation__folder">{folderDisplayName({ role: message.folderRole, name: message.folderName }, t)}</span>}
      <span className="conversation__date">{formatListDate(message.date, locale)}</span>
    </>
  );
  const classes = ['conversation__item', current && 'conversation__item--current', !message.seen && 'conversation__item--unread'].filter(Boolean).join(' ');
  return (
    <li className={classes} data-testid="conversation-item" aria-current={current || undefined}>
      {current ? (
        <div className="conversation__line">{line}<span className="conversation__here">{t('conversation.thisMessage')}</span></div>
      ) : (
        <button type="button" className="conversation__line" aria-expanded={open} onClick={toggle}>{line}</button>
      )}
      {open && <ConversationText messageId={message.id} />}
    </li>
  );
}

/** Another message's text, read as the reading pane reads it. */
function ConversationText({ messageId }: { messageId: number }) {
  const read = useRequest('messages.read', { messageId, markSeen: false });
  const { settings } = useSettings();
  if (read.error) return <ErrorNotice error={read.error} />;
  if (!read.data) return <Spinner />;
  return (
    <div className="conversation__text" data-testid="conversation-text">
      <MessageBody message={read.data} as={settings.app.bodyAs} />
    </div>
  );
}
