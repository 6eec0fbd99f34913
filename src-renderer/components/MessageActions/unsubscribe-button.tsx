import { useState } from 'react';
import type { ListUnsubscribe } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { useCompose } from '../Composer/compose-context';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { useToasts } from '../Toasts/toast-context';

/**
 * Thunderbird's Unsubscribe. Where the sender offers one click (RFC 8058), Wren asks first, then the core
 * posts to the list's server and a toast says how it went; otherwise the list's web page opens in the
 * browser (the system's, in the desktop app), or else a new message to the list's address is filled as it
 * asks, for the user to send.
 */
export function UnsubscribeButton({ messageId, list, accountId }: { messageId: number; list: ListUnsubscribe; accountId: number | null }) {
  const t = useT();
  const client = useClient();
  const toasts = useToasts();
  const { composeMailto } = useCompose();
  const [confirming, setConfirming] = useState(false);
  const site = list.web ? new URL(list.web).host : '';
  const title = list.oneClick
    ? t('reading.unsubscribeOneClick', { site })
    : list.web ? t('reading.unsubscribeWeb', { site }) : t('reading.unsubscribeMail', { address: list.mailto!.to.join(', ') });
  const unsubscribe = () => {
    if (list.oneClick) setConfirming(true);
    else if (list.web) window.open(list.web, '_blank', 'noopener,noreferrer');
    else composeMailto(list.mailto!, accountId ?? undefined);
  };
  const postOneClick = () => {
    client.request('messages.unsubscribe', { messageId }).then(
      ({ host }) => toasts.show({ tone: 'info', lines: [{ key: 'reading.unsubscribed', values: { site: host } }] }),
      (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] }),
    );
  };
  return (
    <>
      <button type="button" onClick={unsubscribe} title={title} data-testid="list-unsubscribe">
        {t('reading.unsubscribe')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('reading.unsubscribeConfirmTitle')}
          text={t('reading.unsubscribeConfirmText', { site })}
          confirmLabel={t('reading.unsubscribeConfirm')}
          onConfirm={postOneClick}
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  );
}
