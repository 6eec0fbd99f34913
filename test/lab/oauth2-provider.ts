// The lab's OAuth2 provider: oauth2-mock-server (authorization code with PKCE, refresh) on a
// loopback port, plus what a real provider adds and the mock lacks: each token is issued to the
// user the browser signed in as (the login_hint), and the userinfo endpoint, which Dovecot's
// oauth2 passdb (as its tokeninfo URL) and the lab's SMTP server ask, answers only for tokens it
// issued, unexpired and not revoked (401 otherwise).
import { randomUUID } from 'node:crypto';
import { OAuth2Server } from 'oauth2-mock-server';

export interface LabOAuth2Provider {
  /** http://127.0.0.1:PORT */
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** GET with "Authorization: Bearer TOKEN" or ?access_token=TOKEN: 200 {email, active} or 401. */
  userinfoUrl: string;
  clientId: string;
  /** Lifetime of the access tokens issued from now on (seconds). */
  accessTokenTtlS: number;
  /** Every access token issued, in order, with its user. */
  issued: Array<{ token: string; email: string; grant: string }>;
  /** Tokens the userinfo endpoint was asked about (Dovecot's and SMTP's checks), in order. */
  checked: string[];
  /** Refuses this token from now on, as a provider does after a revocation. */
  revoke(token: string): void;
  /** Refuses every refresh from now on with invalid_grant (the grant was withdrawn). */
  refuseRefresh: boolean;
  stop(): Promise<void>;
}

interface Grant {
  email: string;
  expiresAt: number;
}

export async function startOAuth2Provider(): Promise<LabOAuth2Provider> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const issuer = server.issuer.url!.replace(/\/$/, '');
  const codes = new Map<string, string>();
  const refreshTokens = new Map<string, string>();
  const tokens = new Map<string, Grant>();
  const revoked = new Set<string>();
  const provider: LabOAuth2Provider = {
    issuer,
    authorizationEndpoint: `${issuer}/authorize`,
    tokenEndpoint: `${issuer}/token`,
    userinfoUrl: `${issuer}/userinfo`,
    clientId: 'wren-lab-client',
    accessTokenTtlS: 3600,
    issued: [],
    checked: [],
    revoke: (token) => revoked.add(token),
    refuseRefresh: false,
    stop: () => server.stop(),
  };
  const service = server.service;
  // The "browser" signs in as the address Wren named in login_hint.
  service.on('beforeAuthorizeRedirect', (redirect, req) => {
    const hint = new URL(req.url ?? '/', issuer).searchParams.get('login_hint');
    const code = redirect.url.searchParams.get('code');
    if (code && hint) codes.set(code, hint.toLowerCase());
  });
  service.on('beforeTokenSigning', (token, req) => {
    const email = userOf(req.body as Record<string, string>);
    // A token id of its own, as real providers issue: two tokens for one user within the same second
    // were otherwise the same string, and revoking the older one refused the newer one too.
    if (email) Object.assign(token.payload, { sub: email, email, exp: Math.floor(Date.now() / 1000) + provider.accessTokenTtlS, jti: randomUUID() });
  });
  service.on('beforeResponse', (response, req) => {
    const body = req.body as Record<string, string>;
    const email = userOf(body);
    if (!email || (body.grant_type === 'refresh_token' && provider.refuseRefresh)) {
      response.statusCode = 400;
      response.body = { error: 'invalid_grant', error_description: 'The grant is unknown or withdrawn.' };
      return;
    }
    const answer = response.body as Record<string, unknown>;
    answer.expires_in = provider.accessTokenTtlS;
    const accessToken = String(answer.access_token);
    tokens.set(accessToken, { email, expiresAt: Date.now() + provider.accessTokenTtlS * 1000 });
    refreshTokens.set(String(answer.refresh_token), email);
    provider.issued.push({ token: accessToken, email, grant: body.grant_type ?? '' });
  });
  service.on('beforeUserinfo', (response, req) => {
    // Dovecot's tokeninfo check appends the token to the URL; the SMTP server sends it as a header.
    const inQuery = new URL(req.url ?? '/', issuer).searchParams.get('access_token');
    const token = inQuery ?? (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    provider.checked.push(token);
    const grant = tokens.get(token);
    if (!grant || revoked.has(token) || grant.expiresAt <= Date.now()) {
      response.statusCode = 401;
      response.body = { error: 'invalid_token', error_description: 'The token is unknown, expired or revoked.' };
      return;
    }
    response.body = { sub: grant.email, email: grant.email, active: true };
  });

  function userOf(body: Record<string, string>): string | undefined {
    if (body.grant_type === 'authorization_code') return codes.get(body.code ?? '');
    if (body.grant_type === 'refresh_token') return refreshTokens.get(body.refresh_token ?? '');
    return undefined;
  }
  return provider;
}

/** Checks a token the way Dovecot is configured to (userinfo with the bearer token); the email it belongs to, or null. */
export async function tokenOwner(userinfoUrl: string, token: string): Promise<string | null> {
  const response = await fetch(userinfoUrl, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) return null;
  const body = (await response.json()) as { email?: string; active?: boolean };
  return body.active && body.email ? body.email : null;
}
