import { useI18n } from '../../i18n/i18n-context';
import './trusted-certificate-field.css';

interface TrustedCertificateFieldProps {
  fingerprint: string;
  /** The outgoing server's own certificate, else the incoming server's. */
  smtp: boolean;
  forget: boolean;
  onForget(forget: boolean): void;
  disabled: boolean;
  testId: string;
}

/**
 * A certificate the user trusted for this account (a self-signed one, as
 * Thunderbird's exceptions), and the way to stop trusting it: on Save the pin
 * goes, the account's connections close, and the next one asks again.
 */
export function TrustedCertificateField({ fingerprint, smtp, forget, onForget, disabled, testId }: TrustedCertificateFieldProps) {
  const { t } = useI18n();
  return (
    <div className="trusted-certificate" data-testid={testId}>
      <p className="trusted-certificate__line">{t(smtp ? 'cert.trustedSmtp' : 'cert.trusted', { fingerprint })}</p>
      <label className="trusted-certificate__forget">
        <input type="checkbox" checked={forget} onChange={(event) => onForget(event.target.checked)} disabled={disabled} data-testid={`${testId}-forget`} />
        {t('cert.forget')}
      </label>
      {forget && <p className="trusted-certificate__line">{t('cert.forgetHint')}</p>}
    </div>
  );
}
