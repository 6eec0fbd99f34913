import type { OAuth2Provider } from '../../ipc/account-shapes';
import type { PkcePair } from './pkce';

/**
 * The authorization request (RFC 6749 §4.1.1) with PKCE (RFC 7636 §4.3): the
 * page the system browser opens. `login_hint` pre-fills the address at
 * Google and Microsoft; providers that do not know it ignore it.
 */
export function authorizationUrl(provider: OAuth2Provider, request: { redirectUri: string; state: string; pkce: PkcePair; loginHint: string }): string {
  const url = new URL(provider.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  if (provider.scopes.length > 0) url.searchParams.set('scope', provider.scopes.join(' '));
  url.searchParams.set('state', request.state);
  url.searchParams.set('code_challenge', request.pkce.challenge);
  url.searchParams.set('code_challenge_method', request.pkce.method);
  url.searchParams.set('login_hint', request.loginHint);
  return url.href;
}
