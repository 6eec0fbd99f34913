import { useState } from 'react';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useI18n } from '../../i18n/i18n-context';
import { useToasts } from '../Toasts/toast-context';
// The return receipt's bar (its look, and its words above the button in a narrow pane): one style for the reading pane's bars.
import '../ReceiptRequest/receipt-request.css';

/**
 * Thunderbird's junk bar over a message marked junk (by the user, or by the junk filter): Not Junk takes the
 * mark off, moves the message out of the Junk folder to the Inbox, and teaches the filter it was wrong.
 */
export function JunkBar({ messageId }: { messageId: number }) {
  const { t } = useI18n();
  const client = useClient();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const notJunk = () => {
    setBusy(true);
    client.request('messages.apply', { kind: 'junk', messageIds: [messageId], junk: false }).then(
      // The bar goes when the message's summary comes back without the mark.
      () => setBusy(false),
      (error: unknown) => {
        setBusy(false);
        toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] });
      },
    );
  };
  return (
    <div className="receipt-request junk-bar" role="status" data-testid="junk-bar">
      <p>{t('junk.bar')}</p>
      <button type="button" onClick={notJunk} disabled={busy} data-testid="junk-bar-not-junk">
        {t('junk.notJunk')}
      </button>
    </div>
  );
}
