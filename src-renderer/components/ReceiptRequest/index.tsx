import { useEffect, useRef, useState } from 'react';
import type { ReceiptRequest } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useI18n } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { useToasts } from '../Toasts/toast-context';
import './receipt-request.css';

/**
 * Thunderbird's return receipt bar: the sender asked to be told when this message is read (RFC 8098).
 * Send Receipt or Ignore Request, once; where the receipt would go elsewhere than the message came from,
 * the bar says so first. The setting "Never send" keeps it from asking; "Allow … for some messages" may
 * answer a case by itself as the message is shown (the core says which: the request's `policy`).
 */
export function ReceiptRequestBar({ messageId }: { messageId: number }) {
  const client = useClient();
  const { language } = useI18n();
  const toasts = useToasts();
  const { settings, loaded } = useSettings();
  // Not before the settings are known: with "never", the message is not even looked at for a request.
  const policy = loaded ? settings.app.returnReceipts : null;
  const [request, setRequest] = useState<ReceiptRequest | null>(null);
  // Read when the answer goes, not a reason to ask again: a request is answered once.
  const latest = useRef({ language, toasts });
  latest.current = { language, toasts };

  useEffect(() => {
    if (policy !== 'ask') return;
    let current = true;
    const answerUnasked = (found: ReceiptRequest) => {
      const send = found.policy === 'always';
      const { language: words, toasts: shown } = latest.current;
      client.request('messages.answerReceipt', { messageId, send, language: words, automatic: true }).then(
        () => send && shown.show({ tone: 'info', lines: [{ key: 'receipt.sentBySettings', values: { address: found.to } }] }),
        (error: unknown) => shown.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] }),
      );
    };
    // Unreadable now (offline, no copy here): nothing is asked, as for a message that asks nothing.
    client.request('messages.receiptRequest', { messageId }).then((found) => {
      if (!current) return;
      if (found && found.policy !== 'ask') answerUnasked(found);
      else setRequest(found);
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [client, messageId, policy]);
  if (!request || policy !== 'ask') return null;
  return <ReceiptBar messageId={messageId} request={request} onAnswered={() => setRequest(null)} />;
}

function ReceiptBar({ messageId, request, onAnswered }: { messageId: number; request: ReceiptRequest; onAnswered(): void }) {
  const { t, language } = useI18n();
  const client = useClient();
  const toasts = useToasts();
  const [answering, setAnswering] = useState(false);
  const answer = (send: boolean) => {
    setAnswering(true);
    client.request('messages.answerReceipt', { messageId, send, language }).then(
      () => {
        onAnswered();
        if (send) toasts.show({ tone: 'info', lines: [{ key: 'receipt.queued', values: { address: request.to } }] });
      },
      (error: unknown) => {
        setAnswering(false);
        toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] });
      },
    );
  };
  return (
    <div className="receipt-request" role="status" data-testid="receipt-request">
      <p>
        {t('receipt.asked')}
        {request.elsewhere && <strong className="receipt-request__elsewhere"> {t('receipt.elsewhere', { address: request.to })}</strong>}
      </p>
      <button type="button" onClick={() => answer(true)} disabled={answering} data-testid="receipt-send">
        {t('receipt.send')}
      </button>
      <button type="button" onClick={() => answer(false)} disabled={answering} data-testid="receipt-ignore">
        {t('receipt.ignore')}
      </button>
    </div>
  );
}
