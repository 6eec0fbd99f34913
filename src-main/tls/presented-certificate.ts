import { WrenError } from '../errors/wren-error';
import type { Security } from '../ipc/contract';
import { probeCertificate } from './probe-certificate';

/**
 * A certificate refused after the account worked (renewed by its admin, or someone in the middle) is
 * only worth something to the user with the certificate the server now shows: they compare it with
 * what the admin says and trust it again (the app's banner, `wren account edit --trust-fingerprint`).
 * The refusal itself comes from a verified connection; this second look, which sends nothing, only
 * describes it, and a fault that cannot be described stays as it was.
 */
export async function withPresentedCertificate(
  fault: WrenError,
  target: { host: string; port: number; security: Security; protocol: 'imap' | 'pop3' | 'smtp' },
): Promise<WrenError> {
  if (fault.code !== 'TlsUntrusted' || fault.details?.certificate) return fault;
  const probed = await probeCertificate(target, 5_000);
  if (!probed) return fault;
  return new WrenError(fault.code, fault.message, { ...fault.details, certificate: probed.info }, { cause: fault });
}
