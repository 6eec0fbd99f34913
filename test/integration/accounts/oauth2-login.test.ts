import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WrenError } from '../../../src-main/errors/wren-error';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { startOAuth2Provider, type LabOAuth2Provider } from '../../lab/oauth2-provider';
import { simpleMessage } from '../../lab/simple-message';
import { startCore, type TestCore } from '../imap/lab-core';
import { onServerById, sendNow, to } from '../outbox/outbox-lab';
import { actAsBrowser, oauth2Draft, providerSettings, signIn, signInAgain } from './oauth2-lab';

let provider: LabOAuth2Provider;
let lab: Lab;
const cores: TestCore[] = [];

beforeAll(async () => {
  provider = await startOAuth2Provider();
  lab = await startLab({ oauth2: { userinfoUrl: provider.userinfoUrl } });
}, 60_000);

afterAll(async () => {
  await Promise.all(cores.map((core) => core.dispose()));
  await lab?.stop();
  await provider?.stop();
});

function core(): TestCore {
  const wren = startCore();
  cores.push(wren);
  return wren;
}

function user(name: string): LabUser {
  return lab.users.find((u) => u.email === `${name}@example.test`)!;
}

function inboxCount(wren: TestCore, accountId: number): number {
  const inbox = wren.core.store.folders.list(accountId).find((folder) => folder.role === 'inbox')!;
  return wren.core.store.messages.page(inbox.id, 0, 1000).items.length;
}

function lastToken(email: string): string {
  return provider.issued.filter((issued) => issued.email === email).at(-1)!.token;
}

async function failure(promise: Promise<unknown>): Promise<WrenError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(WrenError);
  return error as WrenError;
}

describe('OAuth2 sign-in against the lab (oauth2-mock-server, Dovecot oauth2 passdb)', () => {
  it('signs in with the browser, then syncs over IMAP with the token Dovecot checked; no token is stored in the clear', async () => {
    const alice = user('alice');
    await lab.seed(alice.email, 'INBOX', [simpleMessage(1, { subject: 'OAuth' }), simpleMessage(2, { subject: 'OAuth' })]);
    const wren = core();
    const flowId = await signIn(wren, provider, alice.email);
    const account = await wren.call('accounts.add', oauth2Draft(lab, alice, flowId));
    expect(account.auth).toBe('oauth2');

    const outcome = await wren.call('sync.run', { accountId: account.id });
    expect(outcome.failures).toEqual([]);
    expect(inboxCount(wren, account.id)).toBe(2);
    // Dovecot asked the provider about exactly the token Wren was issued.
    const token = lastToken(alice.email);
    expect(provider.checked).toContain(token);
    const sealed = wren.core.store.db.prepare('SELECT sealed FROM secrets').all() as { sealed: Buffer }[];
    expect(sealed.length).toBe(1);
    expect(sealed[0]!.sealed.includes(Buffer.from(token))).toBe(false);
    // The flow's tokens now belong to the account: the flow itself is over.
    await expect(wren.call('accounts.oauthFinish', { flowId })).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('a browser sign-in for another address is refused with OAuth2WrongAccount, naming both, and saves nothing', async () => {
    const alice = user('alice');
    const bob = user('bob');
    const wren = core();
    const flowId = await signIn(wren, provider, bob.email);
    const error = await failure(wren.call('accounts.add', oauth2Draft(lab, alice, flowId)));
    expect(error.code).toBe('OAuth2WrongAccount');
    expect(error.details).toMatchObject({ signedInAs: bob.email, expected: alice.email });
    expect(await wren.call('accounts.list', {})).toEqual([]);
  });

  it('renews a token that expired before the next sync, and syncs on with the new one', async () => {
    const bob = user('bob');
    const wren = core();
    provider.accessTokenTtlS = 3;
    try {
      const flowId = await signIn(wren, provider, bob.email);
      const account = await wren.call('accounts.add', oauth2Draft(lab, bob, flowId));
      const first = lastToken(bob.email);
      // Wait for the clock, not for Wren: the first token is then refused by the provider (and so by Dovecot).
      while ((await fetch(provider.userinfoUrl, { headers: { authorization: `Bearer ${first}` } })).ok) await new Promise((resolve) => setTimeout(resolve, 250));
      await lab.seed(bob.email, 'INBOX', [simpleMessage(3, { subject: 'After expiry' })]);

      const outcome = await wren.call('sync.run', { accountId: account.id });
      expect(outcome.failures).toEqual([]);
      expect(inboxCount(wren, account.id)).toBe(1);
      const renewed = provider.issued.filter((issued) => issued.email === bob.email && issued.grant === 'refresh_token');
      expect(renewed.length).toBeGreaterThan(0);
      expect(provider.checked).toContain(lastToken(bob.email));
    } finally {
      provider.accessTokenTtlS = 3600;
    }
  });

  it('a token the server rejects is renewed once; when renewal is refused too: OAuth2Rejected, cached mail kept', async () => {
    const carol = user('carol');
    await lab.seed(carol.email, 'INBOX', [simpleMessage(4, { subject: 'Kept' }), simpleMessage(5, { subject: 'Kept' })]);
    const wren = core();
    const flowId = await signIn(wren, provider, carol.email);
    const account = await wren.call('accounts.add', oauth2Draft(lab, carol, flowId));
    await wren.call('sync.run', { accountId: account.id });
    expect(inboxCount(wren, account.id)).toBe(2);

    // Revoked at the provider, long before its expiry: Dovecot refuses it at the next login (an open
    // session stays logged in, so it is closed first, as after a network change), Wren renews and goes on.
    const revoked = lastToken(carol.email);
    provider.revoke(revoked);
    wren.core.sync.dropConnection(account.id);
    const renewedSync = await wren.call('sync.run', { accountId: account.id });
    expect(renewedSync.failures).toEqual([]);
    expect(lastToken(carol.email)).not.toBe(revoked);

    // Revoked again, and the grant withdrawn: nothing left to try.
    provider.revoke(lastToken(carol.email));
    provider.refuseRefresh = true;
    wren.core.sync.dropConnection(account.id);
    try {
      const refused = await wren.call('sync.run', { accountId: account.id });
      expect(refused.failures).toHaveLength(1);
      expect(refused.failures[0]!.error.code).toBe('OAuth2Rejected');
      expect(refused.failures[0]!.error.message).toMatch(/sign in with the browser again/i);
      expect(inboxCount(wren, account.id)).toBe(2);
      const [status] = (await wren.call('accounts.list', {})).filter((listed) => listed.id === account.id);
      expect(status!.lastError?.code).toBe('OAuth2Rejected');
    } finally {
      provider.refuseRefresh = false;
    }

    // Signing in with the browser again (the account's edit form) gives it new tokens; nothing else changes.
    await expect(wren.call('accounts.update', { accountId: account.id, oauth2FlowId: await signIn(wren, provider, user('alice').email) }))
      .rejects.toMatchObject({ code: 'OAuth2WrongAccount' });
    // Named by the account alone, at its own provider (example.test is in no bundled list).
    await expect(wren.call('accounts.oauthStart', { email: carol.email, provider: null })).rejects.toMatchObject({ code: 'OAuth2Failed' });
    await lab.seed(carol.email, 'INBOX', [simpleMessage(6, { subject: 'After signing in again' })]);
    const again = await signInAgain(wren, account.id, carol.email);
    const updated = await wren.call('accounts.update', { accountId: account.id, oauth2FlowId: again });
    expect(updated).toMatchObject({ id: account.id, auth: 'oauth2' });
    const resumed = await wren.call('sync.run', { accountId: account.id });
    expect(resumed.failures).toEqual([]);
    expect(inboxCount(wren, account.id)).toBe(3);
    expect(provider.checked).toContain(lastToken(carol.email));
    expect(wren.core.store.db.prepare('SELECT count(*) FROM secrets').pluck().get()).toBe(1);
  });

  it('a sign-in refused in the browser (error=access_denied) ends with OAuth2Cancelled; Cancel in Wren too', async () => {
    const wren = core();
    const start = await wren.call('accounts.oauthStart', { email: 'alice@example.test', provider: providerSettings(provider) });
    const finishing = failure(wren.call('accounts.oauthFinish', { flowId: start.flowId }));
    const state = new URL(start.authUrl).searchParams.get('state')!;
    const landing = await fetch(`${start.redirectUri}?error=access_denied&state=${encodeURIComponent(state)}`);
    expect(landing.status).toBe(200);
    expect((await finishing).code).toBe('OAuth2Cancelled');

    const second = await wren.call('accounts.oauthStart', { email: 'alice@example.test', provider: providerSettings(provider) });
    const waiting = failure(wren.call('accounts.oauthFinish', { flowId: second.flowId }));
    await wren.call('accounts.oauthCancel', { flowId: second.flowId });
    expect((await waiting).code).toBe('OAuth2Cancelled');
    // Nothing was saved by either.
    expect(await wren.call('accounts.list', {})).toEqual([]);
  });

  it('a redirect with another state is refused (OAuth2Failed, stateMismatch) and its code never exchanged', async () => {
    const wren = core();
    const start = await wren.call('accounts.oauthStart', { email: 'alice@example.test', provider: providerSettings(provider) });
    const finishing = failure(wren.call('accounts.oauthFinish', { flowId: start.flowId }));
    const forged = new URL(start.authUrl);
    forged.searchParams.set('state', 'forged-by-someone-else');
    const issuedBefore = provider.issued.length;
    const { status } = await actAsBrowser(forged.href);
    expect(status).toBe(400);
    const error = await finishing;
    expect(error.code).toBe('OAuth2Failed');
    expect(error.details).toMatchObject({ reason: 'stateMismatch' });
    expect(provider.issued.length).toBe(issuedBefore);
  });

  it('POP3 logs in with the token (OAUTHBEARER / XOAUTH2) and downloads', async () => {
    const alice = user('alice');
    const wren = core();
    const flowId = await signIn(wren, provider, alice.email);
    const account = await wren.call('accounts.add', oauth2Draft(lab, alice, flowId, {
      protocol: 'pop3',
      incoming: { host: lab.host, port: lab.ports.pop3s, security: 'tls', user: alice.email },
    }));
    const outcome = await wren.call('sync.run', { accountId: account.id });
    expect(outcome.failures).toEqual([]);
    expect(inboxCount(wren, account.id)).toBeGreaterThanOrEqual(2);
    expect(provider.checked).toContain(lastToken(alice.email));
  });

  it('SMTP sends with the token (XOAUTH2), checked by the lab submission server at the provider', async () => {
    const alice = user('alice');
    const wren = core();
    const flowId = await signIn(wren, provider, alice.email);
    const account = await wren.call('accounts.add', oauth2Draft(lab, alice, flowId, {
      smtp: { host: lab.host, port: lab.ports.submission, security: 'starttls', user: alice.email },
    }));
    await wren.call('sync.run', { accountId: account.id });
    const checkedBefore = provider.checked.length;
    const sent = await sendNow(wren, { accountId: account.id, to: to(user('bob').email), subject: 'Sent with a token', text: 'Hello over XOAUTH2' });
    expect(sent.state).toBe('sent');
    expect(provider.checked.slice(checkedBefore)).toContain(lastToken(alice.email));
    const arrived = await onServerById(lab, user('bob').email, 'INBOX', sent.messageId);
    expect(arrived).toHaveLength(1);
  });
});
