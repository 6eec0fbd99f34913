import type { ListUnsubscribe } from '../../../src-main/ipc/contract';
import { useRequest } from '../../hooks/use-request';
import { useT } from '../../i18n/i18n-context';
import { useCompose } from '../Composer/compose-context';
import './message-actions.css';

interface MessageActionsProps {
  messageId: number;
  /** The account the message is in: an unsubscribe message is written from it. */
  accountId: number | null;
  showSource: boolean;
  onToggleSource(): void;
}

/**
 * What only the open message offers: its source, and leaving the mailing list it came through. Flag and
 * read / unread live once, in the message toolbar above the list (as in Thunderbird), where they act on
 * the selection, this message included.
 */
export function MessageActions({ messageId, accountId, showSource, onToggleSource }: MessageActionsProps) {
  const t = useT();
  const list = useRequest('messages.listUnsubscribe', { messageId });
  return (
    <div className="message-actions">
      <button type="button" onClick={onToggleSource} aria-pressed={showSource} data-testid="toggle-source">
        {showSource ? t('reading.hideSource') : t('reading.viewSource')}
      </button>
      {list.data && <UnsubscribeButton list={list.data} accountId={accountId} />}
    </div>
  );
}

/**
 * Thunderbird's Unsubscribe: the list's web page in the browser (the system's, in the desktop app), or else a
 * new message to the list's address, filled as it asks, for the user to send. Nothing leaves by itself.
 */
function UnsubscribeButton({ list, accountId }: { list: ListUnsubscribe; accountId: number | null }) {
  const t = useT();
  const { composeMailto } = useCompose();
  const title = list.web ? t('reading.unsubscribeWeb', { site: new URL(list.web).host }) : t('reading.unsubscribeMail', { address: list.mailto!.to.join(', ') });
  const unsubscribe = () => {
    if (list.web) window.open(list.web, '_blank', 'noopener,noreferrer');
    else composeMailto(list.mailto!, accountId ?? undefined);
  };
  return (
    <button type="button" onClick={unsubscribe} title={title} data-testid="list-unsubscribe">
      {t('reading.unsubscribe')}
    </button>
  );
}
