// The lab's OAuth2 provider: oauth2-mock-server (authorization code with PKCE, refresh) on a
// loopback port, plus what a real provider adds and the mock lacks: each token is issued to the
// user the browser signed in as (the login_hint), and the userinfo endpoint, which Dovecot's
// oauth2 passdb (as its tokeninfo URL) and the lab's SMTP server ask, answers only for tokens it
// issued, unexpired and not revoked (401 otherwise). Tests may also make it rotate refresh tokens
// (each accepted once, as Microsoft and many others do), hold token requests open at a gate, and
// refuse the next sign-in as a user pressing "Deny" would.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2Issuer, OAuth2Service } from 'oauth2-mock-server';

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
  /** Each refresh token is good for one refresh: a refresh issues a new one, and the spent one gets invalid_grant. */
  rotateRefreshTokens: boolean;
  /** The next authorization answers error=access_denied (the user refused in the browser), then sign-ins work again. */
  denyNextSignIn: boolean;
  /** Holds every token request from now on until the gate is opened (to line up two refreshes). */
  holdTokenRequests(): TokenGate;
  stop(): Promise<void>;
}

/** Token requests held open by `holdTokenRequests`. */
export interface TokenGate {
  /** How many are waiting at the gate now. */
  readonly held: number;
  /** Resolves once `count` requests are waiting. */
  waitFor(count: number): Promise<void>;
  /** Lets the held requests (and any later ones) through, in the order they came. */
  open(): void;
}

interface Grant {
  email: string;
  expiresAt: number;
}

export async function startOAuth2Provider(): Promise<LabOAuth2Provider> {
  const mockIssuer = new OAuth2Issuer();
  await mockIssuer.keys.generate('RS256');
  const service = new OAuth2Service(mockIssuer);
  const gate = new TokenGates();
  // The mock's own server cannot hold a request (its hooks are synchronous): this one sits in front.
  const server = createServer((req, res) => void gate.pass(req).then(() => service.requestHandler(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mockIssuer.url = issuer;
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
    rotateRefreshTokens: false,
    denyNextSignIn: false,
    holdTokenRequests: () => gate.close(),
    stop: () => {
      gate.open();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  // The "browser" signs in as the address Wren named in login_hint, unless told to refuse.
  service.on('beforeAuthorizeRedirect', (redirect, req) => {
    const hint = new URL(req.url ?? '/', issuer).searchParams.get('login_hint');
    const code = redirect.url.searchParams.get('code');
    if (provider.denyNextSignIn) {
      provider.denyNextSignIn = false;
      redirect.url.searchParams.delete('code');
      redirect.url.searchParams.set('error', 'access_denied');
      redirect.url.searchParams.set('error_description', 'The user refused to let Wren in.');
      return;
    }
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
    // Spent: a second refresh with it is refused as above.
    if (body.grant_type === 'refresh_token' && provider.rotateRefreshTokens) refreshTokens.delete(body.refresh_token ?? '');
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

/** A gate in front of the token endpoint: open unless a test closed it. */
class TokenGates {
  private waiting: Array<() => void> = [];
  private closed = false;
  private readonly watchers: Array<() => void> = [];

  close(): TokenGate {
    this.closed = true;
    const held = () => this.waiting.length;
    return {
      get held() {
        return held();
      },
      waitFor: (count) => this.waitFor(count),
      open: () => this.open(),
    };
  }

  open(): void {
    this.closed = false;
    for (const release of this.waiting.splice(0)) release();
  }

  pass(req: IncomingMessage): Promise<void> {
    if (!this.closed || req.method !== 'POST' || !req.url?.startsWith('/token')) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      for (const watcher of [...this.watchers]) watcher();
    });
  }

  private waitFor(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.waiting.length < count) return;
        this.watchers.splice(this.watchers.indexOf(check), 1);
        resolve();
      };
      this.watchers.push(check);
      check();
    });
  }
}

/** Checks a token the way Dovecot is configured to (userinfo with the bearer token); the email it belongs to, or null. */
export async function tokenOwner(userinfoUrl: string, token: string): Promise<string | null> {
  const response = await fetch(userinfoUrl, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) return null;
  const body = (await response.json()) as { email?: string; active?: boolean };
  return body.active && body.email ? body.email : null;
}
