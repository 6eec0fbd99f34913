import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doveadm, startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { aliceLogin, inboxSubjects, seedTwoMailboxes } from './two-mailboxes';

/**
 * An account pointed at another mailbox (another user, or another server): what is cached is the
 * old mailbox's. UIDVALIDITY alone cannot tell: Dovecot gives mailboxes made in the same second one
 * value, and many servers give every mailbox the same small one, so the old mailbox's UID 1 stayed
 * in the account as if it were the new one's.
 */
describe('an account pointed at another mailbox', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;

  const subjects = () => inboxSubjects(wren, accountId);

  beforeAll(async () => {
    lab = await startLab();
    const [alice, bob] = lab.users;
    await seedTwoMailboxes(lab, [2]);
    for (const user of [alice!, bob!]) await doveadm(lab, ['mailbox', 'update', '-u', user.email, '--uid-validity', '7', 'INBOX']);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, bob!, { smtp: null }))).id;
    await wren.call('sync.run', { accountId, bodies: true });
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('after its user changed, shows the new mailbox’s mail only, bodies included', async () => {
    expect(subjects()).toEqual(['For Bob 1']);
    await wren.call('accounts.update', { accountId, ...aliceLogin(lab) });
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
    expect(subjects()).toEqual(['For Alice 2']);
    const { items: [message] } = await wren.call('messages.list', { folderId: wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!.id, limit: 10, offset: 0 });
    expect((await wren.call('messages.read', { messageId: message!.id })).text).toContain('2');
  });

  it('a new port or security for the same server and user keeps what is cached', async () => {
    const alice = lab.users[0]!;
    const before = wren.core.store.db.prepare('SELECT id FROM messages').pluck().all();
    await wren.call('accounts.update', { accountId, incoming: { host: lab.host, port: lab.ports.imap, security: 'starttls', user: alice.email } });
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
    expect(wren.core.store.db.prepare('SELECT id FROM messages').pluck().all()).toEqual(before);
  });
});
