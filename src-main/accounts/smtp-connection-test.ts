import { WrenError } from '../errors/wren-error';
import type { AccountDraft, ServerSettings } from '../ipc/contract';
import { toSmtpError } from '../smtp/smtp-error';
import { verifySmtp } from '../smtp/verify-smtp';
import { withPresentedCertificate } from '../tls/presented-certificate';
import { readCertificate, type ProbedCertificate } from '../tls/probe-certificate';
import { tlsOptionsFor, type PinnedCertificate } from '../tls/trust-options';
import { confirmPin } from '../tls/confirm-pin';

/**
 * The outgoing server is trusted on its own when it shows another self-signed certificate than the
 * incoming one (Thunderbird's way): its pin, when the user trusted one for it, and otherwise the
 * incoming server's, so a server that shows one certificate on both needs one trust step only.
 */
export function smtpTrust(smtpPin: PinnedCertificate | null, incomingPin: PinnedCertificate | null): PinnedCertificate | null {
  return smtpPin ?? incomingPin;
}

const smtpTarget = (smtp: ServerSettings) => ({ ...smtp, protocol: 'smtp' as const });

/** When the user trusted a fingerprint for the outgoing server: its certificate, if it is still that one. */
export async function resolveSmtpPin(draft: AccountDraft): Promise<PinnedCertificate | null> {
  const smtp = draft.smtp;
  if (!smtp || !draft.smtpTrustedCertSha256) return null;
  const target = { ...smtpTarget(smtp), label: `The SMTP server ${smtp.host}:${smtp.port}` };
  return confirmPin(target, draft.smtpTrustedCertSha256, (error) => toSmtpError(error, smtp));
}

/**
 * The outgoing server, when the draft has one: logged in once with the account's password, trusting
 * its own pin or the incoming server's. An untrusted certificate comes back with the one the SMTP
 * server shows (details.protocol 'smtp'), for the user to trust for SMTP.
 */
export async function testSmtpConnection(
  draft: AccountDraft,
  incomingPin: PinnedCertificate | null,
  accessToken?: string,
): Promise<{ checked: boolean; pin: PinnedCertificate | null }> {
  if (!draft.smtp) return { checked: false, pin: null };
  const pin = await resolveSmtpPin(draft);
  const login = { server: draft.smtp, password: draft.password, accessToken, allowPlaintext: draft.allowPlaintext, pin: smtpTrust(pin, incomingPin), timeouts: { connectMs: 10_000 } };
  try {
    await verifySmtp(login);
  } catch (error) {
    throw error instanceof WrenError ? await withPresentedCertificate(error, smtpTarget(draft.smtp)) : error;
  }
  return { checked: true, pin };
}

/**
 * Adding an account: the outgoing server's certificate only (no login: a server that is down or
 * refuses the password today does not stop the account being added, as before). One not trusted
 * would refuse every send later, so it is refused now, with the certificate to trust.
 */
export async function checkSmtpCertificate(draft: AccountDraft, incomingPin: PinnedCertificate | null): Promise<PinnedCertificate | null> {
  const smtp = draft.smtp;
  if (!smtp || smtp.security === 'none') return null;
  const pin = await resolveSmtpPin(draft);
  if (pin) return pin;
  const probed = await readCertificate(smtpTarget(smtp), 10_000, tlsOptionsFor(smtp.host, incomingPin)).catch(() => null);
  if (probed && !probed.trusted) throw smtpUntrusted(smtp, probed, `The certificate of the SMTP server ${smtp.host}:${smtp.port} is not trusted.`);
  return null;
}

function smtpUntrusted(smtp: ServerSettings, probed: ProbedCertificate, message: string): WrenError {
  return new WrenError('TlsUntrusted', message, { host: smtp.host, port: smtp.port, protocol: 'smtp', certificate: probed.info });
}
