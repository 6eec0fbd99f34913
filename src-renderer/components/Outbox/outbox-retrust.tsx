import { useState } from 'react';
import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { CertificateDetails } from '../CertificateDetails';
import { certificateFromError, isSmtpCertificate } from '../CertificateDetails/certificate-from-error';
import { ErrorNotice } from '../ErrorNotice';

/**
 * A message refused because the outgoing server now shows a certificate the account does not trust
 * (renewed, or someone in the middle): the certificate, to compare with what the server's admin says,
 * and the way to trust it for the account's SMTP server (the core logs in with it before keeping it);
 * the message is then tried again.
 */
export function OutboxRetrust({ entry, onTrusted }: { entry: OutboxEntryView; onTrusted(): void }) {
  const client = useClient();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorShape | null>(null);
  const error = entry.error;
  const certificate = error && isSmtpCertificate(error) ? certificateFromError(error) : null;
  if (!error || !certificate) return null;
  const trust = (smtpTrustedCertSha256: string) => {
    setBusy(true);
    setFailure(null);
    client.request('accounts.update', { accountId: entry.accountId, smtpTrustedCertSha256 }).then(
      () => {
        setBusy(false);
        onTrusted();
      },
      (reason: unknown) => {
        setBusy(false);
        setFailure(toErrorShape(reason));
      },
    );
  };
  return (
    <div className="outbox-row__retrust" data-testid="outbox-retrust">
      <p>{t('cert.retrustSmtp')}</p>
      <fieldset disabled={busy}>
        <CertificateDetails certificate={certificate} error={error} onTrust={trust} />
      </fieldset>
      {failure && <ErrorNotice error={failure} context="background" />}
    </div>
  );
}
