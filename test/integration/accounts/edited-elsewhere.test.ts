import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doveadm, startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { aliceLogin, inboxSubjects, seedTwoMailboxes } from './two-mailboxes';

/**
 * An account's servers, user or password changed by another process (`wren account edit` while the
 * app runs): the app must let go of the connections it opened with the old settings, or its syncs go
 * on reading the old mailbox into the account while the CLI reads the new one.
 */
describe('an account edited by another process while the app runs', () => {
  let lab: Lab;
  let app: TestCore;
  let accountId: number;

  const subjects = () => inboxSubjects(app, accountId);

  beforeAll(async () => {
    lab = await startLab();
    const [alice, bob] = lab.users;
    await seedTwoMailboxes(lab, [2, 3]);
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
    // The app looks for other processes' changes every 2 s and announces what it found (store.changed) as it lets go
    // of the old connections: wait for that, not for a fixed time a loaded machine's timers can overrun.
    const noticed = new Promise<void>((resolve) => {
      const off = app.core.events.on('store.changed', ({ changes }) => {
        if (!changes.some((change) => change.entity === 'accounts' && change.ids.includes(accountId))) return;
        off();
        resolve();
      });
    });
    const cli = startCore({ sharing: app });
    await cli.call('accounts.update', { accountId, ...aliceLogin(lab) });
    await cli.core.close();
    await noticed;
    const { failures } = await app.call('sync.run', { accountId });
    expect(failures).toEqual([]);
    expect(subjects()).toEqual(['For Alice 2', 'For Alice 3']);
  });
});
