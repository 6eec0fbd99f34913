import { useT } from '../../i18n/i18n-context';
import { useIgnoreThread } from './use-ignore-thread';
// The return receipt's bar: one style for the reading pane's bars.
import '../ReceiptRequest/receipt-request.css';

// Neither changes the pane itself: the core's thread.ignored event does, wherever the change was asked.
interface ThreadProps {
  messageId: number;
}

/** Beside View source: ignore the open message's thread. */
export function IgnoreThreadButton({ messageId }: ThreadProps) {
  const t = useT();
  const { ignore } = useIgnoreThread();
  return (
    <button type="button" onClick={() => ignore(messageId)} title={t('thread.ignoreTitle')} data-testid="ignore-thread">
      {t('thread.ignore')}
    </button>
  );
}

/** Over a message of an ignored thread: why it arrived read and quiet, and the way back. */
export function IgnoredThreadBar({ messageId }: ThreadProps) {
  const t = useT();
  const { watch } = useIgnoreThread();
  return (
    <div className="receipt-request" role="status" data-testid="ignored-thread-bar">
      <p>{t('thread.bar')}</p>
      <button type="button" onClick={() => watch(messageId)} data-testid="stop-ignoring-thread">
        {t('thread.stopIgnoring')}
      </button>
    </div>
  );
}
