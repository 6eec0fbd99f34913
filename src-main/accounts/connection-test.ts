import { WrenError } from '../errors/wren-error';
import type { AccountDraft, TestConnectionResult } from '../ipc/contract';
import { openImap } from '../imap/imap-connection';
import { openPop3 } from '../pop3/pop3-client';
import { toServerError } from '../imap/imap-error';
import { probeCertificate, readCertificate, type ProbedCertificate } from '../tls/probe-certificate';
import type { PinnedCertificate } from '../tls/trust-options';

type Tested = TestConnectionResult & { pin: PinnedCertificate | null };

/** Nothing answers, no such host…: said as such, never as an untrusted certificate. */
export const NETWORK_FAULTS: ReadonlySet<string> = new Set(['HostNotFound', 'ConnectionRefused', 'Timeout', 'ConnectionLost']);

/**
 * When the user pinned a fingerprint, fetch the certificate the server shows
 * and keep its PEM, but only if it is the very one the user saw.
 */
export async function resolvePin(draft: AccountDraft): Promise<PinnedCertificate | null> {
  if (!draft.trustedCertSha256) return null;
  const probed = await readCertificate({ ...draft.incoming, protocol: draft.protocol }).catch((error: unknown) => {
    // Nothing answers, no such host…: said as such, not as a certificate that is not trusted.
    const fault = toServerError(error, draft.incoming, draft.protocol);
    if (NETWORK_FAULTS.has(fault.code)) throw fault;
    return null;
  });
  if (!probed) {
    throw new WrenError('TlsUntrusted', `Could not read the certificate of ${draft.incoming.host}:${draft.incoming.port} to compare it with the trusted fingerprint.`, { host: draft.incoming.host });
  }
  if (probed.info.fingerprint256 !== draft.trustedCertSha256) {
    throw untrusted(draft, probed, 'The server now shows a different certificate than the one you chose to trust.');
  }
  return { sha256: probed.info.fingerprint256, pem: probed.pem };
}

/**
 * Logs in once and out again; a TLS failure comes back with the certificate so the user can decide to trust it.
 * `accessToken`: an OAuth2 account's token, used instead of the draft's password.
 */
export async function testConnection(draft: AccountDraft, accessToken?: string): Promise<Tested> {
  const pin = await resolvePin(draft);
  try {
    const capabilities = draft.protocol === 'pop3' ? await pop3Capabilities(draft, pin, accessToken) : await imapCapabilities(draft, pin, accessToken);
    const probed = pin || draft.incoming.security === 'none' ? null : await probeCertificate({ ...draft.incoming, protocol: draft.protocol });
    return { ok: true, capabilities, certificate: probed?.info ?? null, pin };
  } catch (error) {
    if (error instanceof WrenError && error.code === 'TlsUntrusted') {
      const probed = await probeCertificate({ ...draft.incoming, protocol: draft.protocol });
      if (probed) throw untrusted(draft, probed, error.message);
    }
    throw error;
  }
}

async function imapCapabilities(draft: AccountDraft, pin: PinnedCertificate | null, accessToken?: string): Promise<string[]> {
  const client = await openImap({ server: draft.incoming, password: draft.password, accessToken, allowPlaintext: draft.allowPlaintext, pin, timeouts: { connectMs: 10_000 } });
  const capabilities = [...client.capabilities.keys()];
  await client.logout().catch(() => client.close());
  return capabilities;
}

async function pop3Capabilities(draft: AccountDraft, pin: PinnedCertificate | null, accessToken?: string): Promise<string[]> {
  const client = await openPop3({ ...draft.incoming, password: draft.password, accessToken, allowPlaintext: draft.allowPlaintext, pin, timeouts: { connectMs: 10_000 } });
  const capabilities = [...client.capabilities];
  await client.quit().catch(() => client.close());
  return capabilities;
}

function untrusted(draft: AccountDraft, probed: ProbedCertificate, message: string): WrenError {
  return new WrenError('TlsUntrusted', message, { host: draft.incoming.host, port: draft.incoming.port, protocol: draft.protocol, certificate: probed.info });
}
