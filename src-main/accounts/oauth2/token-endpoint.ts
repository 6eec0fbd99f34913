import { WrenError } from '../../errors/wren-error';
import type { OAuth2Provider } from '../../ipc/account-shapes';
import type { TokenSet } from './token-set';

const TOKEN_TIMEOUT_MS = 20_000;
/** A token without expires_in (RFC 6749 §5.1 makes it optional) is taken to live an hour, the usual. */
const DEFAULT_LIFETIME_S = 3600;

/** RFC 6749 §4.1.3 with RFC 7636 §4.5: the code and the PKCE verifier for the first tokens. */
export function exchangeCode(provider: OAuth2Provider, grant: { code: string; verifier: string; redirectUri: string }): Promise<TokenSet> {
  return requestTokens(provider, { grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: grant.redirectUri }, null);
}

/** RFC 6749 §6. A provider that sends no new refresh token keeps the old one valid. */
export function refreshTokens(provider: OAuth2Provider, refreshToken: string): Promise<TokenSet> {
  return requestTokens(provider, { grant_type: 'refresh_token', refresh_token: refreshToken }, refreshToken);
}

async function requestTokens(provider: OAuth2Provider, grant: Record<string, string>, previousRefresh: string | null): Promise<TokenSet> {
  const body = new URLSearchParams({ ...grant, client_id: provider.clientId });
  if (provider.clientSecret) body.set('client_secret', provider.clientSecret);
  const host = new URL(provider.tokenEndpoint).host;
  let response: Response;
  try {
    response = await fetch(provider.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch (error) {
    throw unreachable(host, error);
  }
  const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok || !answer || typeof answer.access_token !== 'string') {
    throw refused(host, response.status, answer, grant.grant_type === 'refresh_token');
  }
  const now = Date.now();
  const lifetime = typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in : DEFAULT_LIFETIME_S;
  const refreshToken = typeof answer.refresh_token === 'string' ? answer.refresh_token : previousRefresh;
  return { accessToken: answer.access_token, refreshToken, issuedAt: now, expiresAt: now + lifetime * 1000 };
}

/** fetch's network failures, in the codes the IMAP and SMTP clients use for theirs (retried as offline). */
function unreachable(host: string, error: unknown): WrenError {
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? '';
  const code = (error as Error).name === 'TimeoutError' ? 'Timeout'
    : ['ENOTFOUND', 'EAI_AGAIN'].includes(cause) ? 'HostNotFound'
    : cause === 'ECONNREFUSED' ? 'ConnectionRefused'
    : 'ConnectionLost';
  return new WrenError(code, `The sign-in server ${host} could not be reached: ${(error as Error).message}${cause ? ` (${cause})` : ''}`, { host }, { cause: error });
}

/**
 * invalid_grant on a refresh means the grant is gone (revoked, password
 * changed, expired): only a new sign-in helps, so it is OAuth2Rejected.
 */
function refused(host: string, status: number, answer: Record<string, unknown> | null, refreshing: boolean): WrenError {
  const error = typeof answer?.error === 'string' ? answer.error : null;
  const description = typeof answer?.error_description === 'string' ? answer.error_description : null;
  const details = { host, status, error, description };
  if (refreshing && error === 'invalid_grant') {
    return new WrenError('OAuth2Rejected', `The sign-in server ${host} no longer accepts this account's sign-in (${description ?? error}). Sign in with the browser again.`, details);
  }
  return new WrenError('OAuth2Failed', `The sign-in server ${host} refused to issue a token (HTTP ${status}${error ? `, ${error}` : ''}${description ? `: ${description}` : ''}).`, details);
}
