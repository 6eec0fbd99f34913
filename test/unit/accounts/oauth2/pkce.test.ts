import { describe, expect, it } from 'vitest';
import { authorizationUrl } from '../../../../src-main/accounts/oauth2/authorization-url';
import { challengeOf, createPkce, createState, createVerifier } from '../../../../src-main/accounts/oauth2/pkce';

describe('PKCE (RFC 7636, S256)', () => {
  it('gives the challenge of RFC 7636 appendix B for its verifier', () => {
    expect(challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 unreserved characters, a new one each time', () => {
    const verifiers = new Set(Array.from({ length: 50 }, () => createVerifier()));
    expect(verifiers.size).toBe(50);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
  });

  it('pairs a verifier with its challenge and method S256; states are unguessable and distinct', () => {
    const pair = createPkce();
    expect(pair.method).toBe('S256');
    expect(pair.challenge).toBe(challengeOf(pair.verifier));
    expect(createState()).not.toBe(createState());
    expect(createState().length).toBeGreaterThanOrEqual(32);
  });

  it('puts the code request, the challenge (never the verifier), the state and the loopback redirect in the authorization URL', () => {
    const pkce = createPkce();
    const url = new URL(authorizationUrl(
      { authorizationEndpoint: 'https://id.example.test/authorize?tenant=x', tokenEndpoint: 'https://id.example.test/token', clientId: 'wren', clientSecret: null, scopes: ['mail', 'offline_access'] },
      { redirectUri: 'http://127.0.0.1:5123/oauth2/callback', state: 'st', pkce, loginHint: 'me@example.test' },
    ));
    expect(url.origin + url.pathname).toBe('https://id.example.test/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: 'x',
      response_type: 'code',
      client_id: 'wren',
      redirect_uri: 'http://127.0.0.1:5123/oauth2/callback',
      scope: 'mail offline_access',
      state: 'st',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      login_hint: 'me@example.test',
    });
    expect(url.href).not.toContain(pkce.verifier);
  });
});
