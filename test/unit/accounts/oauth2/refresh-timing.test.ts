import { describe, expect, it } from 'vitest';
import { REFRESH_MARGIN_MS, refreshDue, type TokenSet } from '../../../../src-main/accounts/oauth2/token-set';

const HOUR = 3_600_000;
const tokens = (issuedAt: number, lifetimeMs: number): TokenSet => ({ accessToken: 'a', refreshToken: 'r', issuedAt, expiresAt: issuedAt + lifetimeMs });

describe('when a token is refreshed', () => {
  it('an hour-long token: not before the last five minutes, then yes (and past expiry)', () => {
    const set = tokens(0, HOUR);
    expect(refreshDue(set, 0)).toBe(false);
    expect(refreshDue(set, HOUR - REFRESH_MARGIN_MS - 1)).toBe(false);
    expect(refreshDue(set, HOUR - REFRESH_MARGIN_MS)).toBe(true);
    expect(refreshDue(set, HOUR + 1)).toBe(true);
  });

  it('a short-lived token: at half its life, not at every use', () => {
    const set = tokens(1000, 4 * 60_000);
    expect(refreshDue(set, 1000)).toBe(false);
    expect(refreshDue(set, 1000 + 2 * 60_000 - 1)).toBe(false);
    expect(refreshDue(set, 1000 + 2 * 60_000)).toBe(true);
  });
});
