import { describe, expect, it } from 'vitest';
import { withRenewedToken } from '../../../../src-main/accounts/oauth2/renewed-token-retry';
import { WrenError } from '../../../../src-main/errors/wren-error';

const refused = () => new WrenError('AuthFailed', 'The IMAP server refused the login.', { host: 'h' });

describe('a token the server refuses', () => {
  it('is renewed once and the attempt made again with the new one', async () => {
    const tried: string[] = [];
    const result = await withRenewedToken({ accessToken: 'old' }, async () => ({ accessToken: 'new' }), async (login) => {
      tried.push(login.accessToken);
      if (login.accessToken === 'old') throw refused();
      return 'synced';
    });
    expect(result).toBe('synced');
    expect(tried).toEqual(['old', 'new']);
  });

  it('refused again, or not renewable: OAuth2Rejected, saying to sign in again', async () => {
    const again = await withRenewedToken({ accessToken: 'old' }, async () => ({ accessToken: 'new' }), async () => { throw refused(); }).catch((e: WrenError) => e);
    expect(again.code).toBe('OAuth2Rejected');
    expect(again.message).toMatch(/sign in with the browser again/);
    const none = await withRenewedToken({ accessToken: 'old' }, async () => null, async () => { throw refused(); }).catch((e: WrenError) => e);
    expect(none.code).toBe('OAuth2Rejected');
  });

  it('leaves passwords, other faults and callers without a way to renew alone', async () => {
    let renewals = 0;
    const renew = async () => { renewals++; return { accessToken: 'new' }; };
    const password = await withRenewedToken<{ accessToken?: string }, never>({}, renew, async () => { throw refused(); }).catch((e: WrenError) => e);
    expect(password.code).toBe('AuthFailed');
    const offline = await withRenewedToken({ accessToken: 'old' }, renew, async () => { throw new WrenError('Timeout', 'slow'); }).catch((e: WrenError) => e);
    expect(offline.code).toBe('Timeout');
    const inner = await withRenewedToken({ accessToken: 'old' }, undefined, async () => { throw refused(); }).catch((e: WrenError) => e);
    expect(inner.code).toBe('AuthFailed');
    expect(renewals).toBe(0);
  });
});
