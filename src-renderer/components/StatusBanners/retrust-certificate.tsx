import { useState } from 'react';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { CertificateDetails } from '../CertificateDetails';
import { certificateFromError, isSmtpCertificate } from '../CertificateDetails/certificate-from-error';
import { ErrorNotice } from '../ErrorNotice';

/**
 * An account whose server now shows a certificate the user has not trusted (renewed, or someone in
 * the middle): the certificate, to compare with what the server's admin says, and the way to trust it
 * again without setting the account up anew. The core tests it with a login before keeping it.
 */
export function RetrustCertificate({ accountId, error }: { accountId: number; error: ErrorShape }) {
  const client = useClient();
  const [failure, setFailure] = useState<ErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const certificate = certificateFromError(error);
  if (!certificate) return null;
  const trust = (fingerprint: string) => {
    setBusy(true);
    setFailure(null);
    const trusted = isSmtpCertificate(error) ? { smtpTrustedCertSha256: fingerprint } : { trustedCertSha256: fingerprint };
    client.request('accounts.update', { accountId, ...trusted }).then(
      () => setBusy(false),
      (reason: unknown) => {
        setBusy(false);
        setFailure(toErrorShape(reason));
      },
    );
  };
  return (
    <>
      <fieldset disabled={busy} className="status-banner__retrust">
        <CertificateDetails certificate={certificate} error={error} onTrust={trust} />
      </fieldset>
      {failure && <ErrorNotice error={failure} context="background" />}
    </>
  );
}
