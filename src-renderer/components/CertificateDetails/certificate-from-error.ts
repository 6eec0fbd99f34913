import type { CertificateInfo } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';

/** The certificate a TlsUntrusted error carries, if it carries a usable one. */
export function certificateFromError(error: ErrorShape): CertificateInfo | null {
  if (error.code !== 'TlsUntrusted') return null;
  const certificate = error.details?.certificate;
  if (typeof certificate !== 'object' || certificate === null) return null;
  const fields = certificate as Partial<Record<keyof CertificateInfo, unknown>>;
  if (typeof fields.fingerprint256 !== 'string') return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    fingerprint256: fields.fingerprint256,
    subject: text(fields.subject),
    issuer: text(fields.issuer),
    validFrom: text(fields.validFrom),
    validTo: text(fields.validTo),
    selfSigned: fields.selfSigned === true,
  };
}

/** Which server showed the certificate, to say so above it; null when the error does not name one. */
export interface CertificateServer {
  /** 'IMAP', 'POP3' or 'SMTP'. */
  protocol: string;
  host: string;
  port: number;
}

export function certificateServer(error: ErrorShape): CertificateServer | null {
  const { protocol, host, port } = error.details ?? {};
  if (typeof protocol !== 'string' || typeof host !== 'string' || typeof port !== 'number') return null;
  return { protocol: protocol.toUpperCase(), host, port };
}

/**
 * The outgoing (SMTP) server's certificate is trusted apart from the incoming server's
 * (`smtpTrustedCertSha256`), so trusting it must set that one.
 */
export function isSmtpCertificate(error: ErrorShape): boolean {
  return error.details?.protocol === 'smtp';
}
