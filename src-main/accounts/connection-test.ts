import { WrenError } from '../errors/wren-error';
import type { AccountDraft, TestConnectionResult } from '../ipc/contract';
import { openImap } from '../imap/imap-connection';
import { openPop3 } from '../pop3/pop3-client';
import { toServerError } from '../imap/imap-error';
import { confirmPin } from '../tls/confirm-pin';
import { probeCertificate, type ProbedCertificate } from '../tls/probe-certificate';
import type { PinnedCertificate } from '../tls/trust-options';

type Tested = TestConnectionResult & { pin: PinnedCertificate | null };

/** When the user pinned a fingerprint for the incoming server: its certificate, if it is still that one. */
export async function resolvePin(draft: AccountDraft): Promise<PinnedCertificate | null> {
  if (!draft.trustedCertSha256) return null;
  const target = { ...draft.incoming, protocol: draft.protocol, label: `The server ${draft.incoming.host}:${draft.incoming.port}` };
  return confirmPin(target, draft.trustedCertSha256, (error) => toServerError(error, draft.incoming, draft.protocol));
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
