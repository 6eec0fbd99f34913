import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doveadm, startLab, type Lab } from '../../lab/lab';
import { sleep } from '../../lab/net-util';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * An account's servers, user or password changed by another process (`wren account edit` while the
 * app runs): the app must let go of the connections it opened with the old settings, or its syncs go
 * on reading the old mailbox into the account while the CLI reads the new one.
 */
describe('an account edited by another process while the app runs', () => {
  let lab: Lab;
  let app: TestCore;
  let accountId: number;

  const subjects = () => app.core.store.db
    .prepare("SELECT m.subject FROM messages m JOIN folders f ON f.id = m.folder_id WHERE f.account_id = ? AND f.path = 'INBOX' ORDER BY m.subject")
    .pluck().all(accountId) as string[];

  beforeAll(async () => {
    lab = await startLab();
    const [alice, bob] = lab.users;
    await lab.seed(bob!.email, 'INBOX', [simpleMessage(1, { to: bob!.email, subject: 'For Bob' })]);
    await lab.seed(alice!.email, 'INBOX', [2, 3].map((n) => simpleMessage(n, { to: alice!.email, subject: 'For Alice' })));
    // Two mailboxes made in the same second share Dovecot's UIDVALIDITY; here they must not (this is about connections).
    await doveadm(lab, ['mailbox', 'update', '-u', alice!.email, '--uid-validity', '4242', 'INBOX']);
    // A running app: background syncs on (a long interval), so it watches for other processes' changes.
    app = startCore({ syncIntervalMs: 60 * 60_000 });
    accountId = (await app.call('accounts.add', labDraft(lab, bob!, { smtp: null }))).id;
  });
  afterAll(async () => {
    await app?.dispose();
    await lab?.stop();
  });

  it('syncs the mailbox it was set up with', async () => {
    await app.call('sync.run', { accountId });
    expect(subjects()).toEqual(['For Bob 1']);
  });

  it('after another process changed its user and password, syncs the new mailbox, not the old one', async () => {
    const alice = lab.users[0]!;
    const cli = startCore({ sharing: app });
    await cli.call('accounts.update', { accountId, incoming: { host: lab.host, port: lab.ports.imaps, security: 'tls', user: alice.email }, password: alice.password });
    await cli.core.close();
    await sleep(3000); // the app looks for other processes' changes every 2 s
    const { failures } = await app.call('sync.run', { accountId });
    expect(failures).toEqual([]);
    expect(subjects()).toEqual(['For Alice 2', 'For Alice 3']);
  });
});
