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
