import type { BodyView, MailingList, TextEncoding } from '../../../src-main/ipc/contract';
import { useRequest } from '../../hooks/use-request';
import { useT } from '../../i18n/i18n-context';
import { useCompose } from '../Composer/compose-context';
import { UnsubscribeButton } from './unsubscribe-button';
import { IgnoreThreadButton } from '../IgnoredThread';
import { TextEncodingChoice } from './text-encoding-choice';
import './message-actions.css';

interface MessageActionsProps {
  messageId: number;
  /** The account the message is in: an unsubscribe message is written from it. */
  accountId: number | null;
  showSource: boolean;
  onToggleSource(): void;
  /** How an HTML message's body is shown, to switch it the other way; null: it has no HTML. */
  bodyAs?: BodyView | null;
  onBodyAs?(view: BodyView): void;
  /** The Text Encoding its text is read as; null: as its labels say. Absent: not offered (a conversation's message). */
  encoding?: TextEncoding | null;
  onEncoding?(encoding: TextEncoding | null): void;
  /** Its thread is ignored: the bar below offers the way back, so no button here. */
  threadIgnored?: boolean;
}

/**
 * What only the open message offers: its source, its text encoding, what its mailing list allows (Reply to List,
 * Unsubscribe), and Ignore thread. Flag and read / unread live once, in the message toolbar above the list (as in
 * Thunderbird), where they act on the selection, this message included.
 */
export function MessageActions(props: MessageActionsProps) {
  const { messageId, accountId, showSource, onToggleSource, bodyAs = null, onBodyAs = () => undefined, encoding, onEncoding, threadIgnored = false } = props;
  const t = useT();
  const list = useRequest('messages.mailingList', { messageId });
  return (
    <div className="message-actions">
      <button type="button" onClick={onToggleSource} aria-pressed={showSource} data-testid="toggle-source">
        {showSource ? t('reading.hideSource') : t('reading.viewSource')}
      </button>
      {bodyAs && !showSource && (
        <button type="button" onClick={() => onBodyAs(bodyAs === 'html' ? 'plain' : 'html')} data-testid="toggle-body-as">
          {bodyAs === 'html' ? t('reading.showPlain') : t('reading.showHtml')}
        </button>
      )}
      {encoding !== undefined && onEncoding && !showSource && <TextEncodingChoice encoding={encoding} onEncoding={onEncoding} />}
      {list.data?.post && <ReplyListButton messageId={messageId} post={list.data.post} />}
      {list.data?.unsubscribe && <UnsubscribeButton messageId={messageId} list={list.data.unsubscribe} accountId={accountId} />}
      {!threadIgnored && <IgnoreThreadButton messageId={messageId} />}
    </div>
  );
}

/** Thunderbird's Reply to List (also Ctrl+Shift+L): an answer to the list's posting address alone. */
function ReplyListButton({ messageId, post }: { messageId: number; post: NonNullable<MailingList['post']> }) {
  const t = useT();
  const { compose } = useCompose();
  return (
    <button type="button" onClick={() => compose({ mode: 'replyList', messageId })} title={t('reading.replyListTitle', { address: post })} data-testid="reply-list">
      {t('reading.replyList')}
    </button>
  );
}
