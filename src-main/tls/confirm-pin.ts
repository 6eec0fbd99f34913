import { WrenError } from '../errors/wren-error';
import type { Security } from '../ipc/contract';
import { readCertificate } from './probe-certificate';
import type { PinnedCertificate } from './trust-options';

/** Nothing answers, no such host…: said as such, never as an untrusted certificate. */
export const NETWORK_FAULTS: ReadonlySet<string> = new Set(['HostNotFound', 'ConnectionRefused', 'Timeout', 'ConnectionLost']);

export interface PinTarget {
  host: string;
  port: number;
  security: Security;
  protocol: 'imap' | 'pop3' | 'smtp';
  /** How the server is named in the words ("The SMTP server h:p", "h:p"). */
  label: string;
}

/**
 * The certificate a server shows now, with its PEM, kept only if it is the
 * very one whose fingerprint the user chose to trust; otherwise TlsUntrusted
 * with the certificate it shows, for the user to look at again. A network
 * fault while reading it is that fault (`toFault` names it per protocol).
 */
export async function confirmPin(target: PinTarget, fingerprint256: string, toFault: (error: unknown) => WrenError): Promise<PinnedCertificate> {
  const { label, ...server } = target;
  const details = { host: server.host, port: server.port, protocol: server.protocol };
  const probed = await readCertificate(server).catch((error: unknown) => {
    const fault = toFault(error);
    if (NETWORK_FAULTS.has(fault.code)) throw fault;
    return null;
  });
  if (!probed) throw new WrenError('TlsUntrusted', `Could not read the certificate of ${label} to compare it with the trusted fingerprint.`, details);
  if (probed.info.fingerprint256 !== fingerprint256) {
    throw new WrenError('TlsUntrusted', `${label} now shows a different certificate than the one you chose to trust.`, { ...details, certificate: probed.info });
  }
  return { sha256: probed.info.fingerprint256, pem: probed.pem };
}
