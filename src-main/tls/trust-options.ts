import { checkServerIdentity, rootCertificates, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import { isIP } from 'node:net';

/** A certificate the user chose to trust for one account, pinned by its SHA-256. */
export interface PinnedCertificate {
  sha256: string;
  pem: string;
}

/**
 * TLS options for a server: always verified. With a pin, exactly that one
 * certificate is added as a trust anchor and accepted under any host name;
 * every other certificate still goes through the normal chain and name checks.
 */
export function tlsOptionsFor(host: string, pin: PinnedCertificate | null): ConnectionOptions {
  const base: ConnectionOptions = { rejectUnauthorized: true, minVersion: 'TLSv1.2' };
  if (!isIP(host)) base.servername = host;
  if (!pin) return base;
  return {
    ...base,
    ca: [...rootCertificates, pin.pem],
    checkServerIdentity: (hostname: string, cert: PeerCertificate) =>
      cert.fingerprint256 === pin.sha256 ? undefined : checkServerIdentity(hostname, cert),
  };
}
