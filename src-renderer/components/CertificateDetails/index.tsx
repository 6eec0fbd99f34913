import type { CertificateInfo } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { certificateServer, isSmtpCertificate } from './certificate-from-error';
import { formatCertificateDate } from '../../format/format-date';
import { useI18n } from '../../i18n/i18n-context';
import './certificate-details.css';

interface CertificateDetailsProps {
  certificate: CertificateInfo;
  onTrust(fingerprint: string): void;
  /** The refusal it came with: names the server that showed it (the outgoing one is trusted apart). */
  error?: ErrorShape;
}

/** Enough of the certificate to compare with what the server's admin says it should be. */
export function CertificateDetails({ certificate, onTrust, error }: CertificateDetailsProps) {
  const { t, locale } = useI18n();
  const server = error ? certificateServer(error) : null;
  const smtp = error ? isSmtpCertificate(error) : false;
  const rows: [string, string][] = [
    [t('cert.fingerprint'), certificate.fingerprint256],
    [t('cert.subject'), certificate.subject],
    [t('cert.issuer'), certificate.issuer],
    [t('cert.validFrom'), formatCertificateDate(certificate.validFrom, locale)],
    [t('cert.validTo'), formatCertificateDate(certificate.validTo, locale)],
    [t('cert.selfSigned'), certificate.selfSigned ? t('cert.yes') : t('cert.no')],
  ];
  return (
    <section className="certificate-details" data-testid="certificate-details">
      <h3 data-testid="certificate-server">{server ? t('cert.headingServer', { protocol: server.protocol, host: server.host, port: String(server.port) }) : t('cert.heading')}</h3>
      <dl>
        {rows.map(([term, value]) => (
          <div key={term} className="certificate-details__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => onTrust(certificate.fingerprint256)} data-testid="setup-trust-cert">
        {t(smtp ? 'cert.trustSmtp' : 'cert.trust')}
      </button>
    </section>
  );
}
