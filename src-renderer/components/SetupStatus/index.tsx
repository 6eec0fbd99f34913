import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n-context';
import type { SetupStatus as Status } from '../AccountForm/use-account-setup';
import { certificateFromError, isSmtpCertificate } from '../CertificateDetails/certificate-from-error';
import { CertificateDetails } from '../CertificateDetails';
import { ErrorNotice } from '../ErrorNotice';
import { Spinner } from '../Spinner';

interface SetupStatusProps {
  status: Status;
  /** `smtp`: the outgoing server's certificate, trusted apart from the incoming server's. */
  onTrust(fingerprint: string, smtp: boolean): void;
}

/** What the last test or save came to, in words; for an untrusted certificate, the way forward. */
export function SetupStatus({ status, onTrust }: SetupStatusProps) {
  const t = useT();
  const certificate = status.kind === 'failed' ? certificateFromError(status.error) : null;
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The form is taller than most windows; the outcome must not land below the fold unseen.
    region.current?.scrollIntoView?.({ block: 'nearest' });
  }, [status]);
  return (
    <div ref={region} className={`setup-status setup-status--${status.kind}`} aria-live="polite" data-testid="setup-status">
      {status.kind === 'testing' && (
        <p>
          <Spinner />
          {t('form.testing')}
        </p>
      )}
      {status.kind === 'saving' && (
        <p>
          <Spinner />
          {t('form.saving')}
        </p>
      )}
      {status.kind === 'tested' && <p className="setup-status__ok">✓ {t('form.testOk')}</p>}
      {status.kind === 'invalid' && <p>{t('form.invalidFields', { fields: status.labels.map((label) => t(label)).join(t('list.separator')) })}</p>}
      {status.kind === 'needsPlaintextConsent' && <p>{t('form.plaintextRequired')}</p>}
      {status.kind === 'failed' && <ErrorNotice error={status.error} />}
      {certificate && status.kind === 'failed' && (
        <CertificateDetails certificate={certificate} error={status.error} onTrust={(fingerprint) => onTrust(fingerprint, isSmtpCertificate(status.error))} />
      )}
    </div>
  );
}
