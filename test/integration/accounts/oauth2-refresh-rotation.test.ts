import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaseHolder } from '../../../src-main/store/account-leases';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { startOAuth2Provider, type LabOAuth2Provider } from '../../lab/oauth2-provider';
import { simpleMessage } from '../../lab/simple-message';
import { startCore } from '../imap/lab-core';
import { oauth2Draft, signIn } from './oauth2-lab';

// Two processes sharing a data folder (the app and `wren sync`) against a provider that rotates
// refresh tokens: each refresh token is accepted once. Both find the token due at the same moment;
// without a lease across processes the second refresh spends an already spent refresh token, gets
// invalid_grant, and the account is signed out.

let provider: LabOAuth2Provider;
let lab: Lab;

beforeAll(async () => {
  provider = await startOAuth2Provider();
  lab = await startLab({ oauth2: { userinfoUrl: provider.userinfoUrl } });
}, 60_000);

afterAll(async () => {
  await lab?.stop();
  await provider?.stop();
});

function user(name: string): LabUser {
  return lab.users.find((u) => u.email === `${name}@example.test`)!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OAuth2 token refresh shared by two processes, with a provider that rotates refresh tokens', () => {
  it('refreshes once: the second process waits for the first and uses its new token; neither is signed out', async () => {
    const carol = user('carol');
    await lab.seed(carol.email, 'INBOX', [simpleMessage(1, { subject: 'Rotation' })]);
    provider.rotateRefreshTokens = true;
    provider.accessTokenTtlS = 4;
    const app = startCore();
    let tellWaiting: (holder: LeaseHolder) => void = () => undefined;
    const cliWaited = new Promise<LeaseHolder>((resolve) => (tellWaiting = resolve));
    const cli = startCore({ sharing: app, onTokenWait: (_accountId, holder) => tellWaiting(holder) });
    try {
      const account = await app.call('accounts.add', oauth2Draft(lab, carol, await signIn(app, provider, carol.email)));
      // Tokens issued from now on live long, so only the first one is ever due.
      provider.accessTokenTtlS = 3600;
      // A 4-second token is due for renewal past half its life.
      await sleep(2_200);
      const refreshesBefore = refreshes(carol.email);

      const gate = provider.holdTokenRequests();
      const appSync = app.call('sync.run', { accountId: account.id });
      await gate.waitFor(1);
      const cliSync = cli.call('sync.run', { accountId: account.id });
      // Without the lease the second refresh reaches the provider too; with it, the CLI waits for the app.
      await Promise.race([gate.waitFor(2), cliWaited]);
      const heldAtOnce = gate.held;
      gate.open();
      const [appOutcome, cliOutcome] = await Promise.all([appSync, cliSync]);

      // Neither process was signed out (without the lease, one of them gets invalid_grant: OAuth2Rejected).
      expect(appOutcome.failures).toEqual([]);
      expect(cliOutcome.failures).toEqual([]);
      for (const core of [app, cli]) {
        const view = (await core.call('accounts.list', {})).find((a) => a.id === account.id)!;
        expect(view.lastError).toBeNull();
      }
      // One refresh for both, and the CLI logged in with the token the app's refresh brought.
      expect(refreshes(carol.email) - refreshesBefore).toBe(1);
      const fresh = provider.issued.filter((issued) => issued.email === carol.email).at(-1)!.token;
      expect(provider.checked.filter((token) => token === fresh).length).toBeGreaterThanOrEqual(2);
      expect(heldAtOnce).toBe(1);
      expect(await cliWaited).toMatchObject({ pid: process.pid });
    } finally {
      provider.rotateRefreshTokens = false;
      provider.accessTokenTtlS = 3600;
      await cli.dispose();
      await app.dispose();
    }
  }, 60_000);
});

function refreshes(email: string): number {
  return provider.issued.filter((issued) => issued.email === email && issued.grant === 'refresh_token').length;
}
