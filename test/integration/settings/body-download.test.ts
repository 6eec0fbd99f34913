import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/** A message dated `daysAgo` days before now (simpleMessage's are all from January 2025). */
function datedMessage(n: number, daysAgo: number, to: string): string {
  const date = new Date(Date.now() - daysAgo * 24 * 60 * 60_000).toUTCString().replace('GMT', '+0000');
  return [`From: Recent ${n} <r${n}@example.test>`, `To: ${to}`, `Subject: Recent ${n}`, `Date: ${date}`, `Message-ID: <recent-${n}@example.test>`, '', `Body ${n}`, ''].join('\r\n');
}

/** The body download setting against the real lab: what a sync keeps for offline reading follows it, no restart. */
describe('body download policy', () => {
  let lab: Lab;
  let test: TestCore;
  let accountId: number;

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [simpleMessage(1, { to: alice.email }), simpleMessage(2, { to: alice.email }), datedMessage(3, 2, alice.email), datedMessage(4, 10, alice.email)]);
    test = startCore();
    accountId = (await test.call('accounts.add', labDraft(lab, alice))).id;
  });
  afterAll(async () => {
    await test?.dispose();
    await lab?.stop();
  });

  const sync = async () => (await test.call('sync.run', { accountId })).summaries[0]!;

  it('downloads no bodies by default (on demand)', async () => {
    expect((await sync()).bodiesFetched).toBe(0);
  });

  it('downloads only the last N days\' bodies, then all once the setting says so', async () => {
    await test.call('settings.update', { accounts: { [String(accountId)]: { bodyDownload: { mode: 'recent', days: 7 } } } });
    expect((await sync()).bodiesFetched).toBe(1);
    await test.call('settings.update', { accounts: { [String(accountId)]: { bodyDownload: { mode: 'recent', days: 30 } } } });
    expect((await sync()).bodiesFetched).toBe(1);
    await test.call('settings.update', { accounts: { [String(accountId)]: { bodyDownload: { mode: 'all' } } } });
    expect((await sync()).bodiesFetched).toBe(2);
    expect((await sync()).bodiesFetched).toBe(0);
  });
});
