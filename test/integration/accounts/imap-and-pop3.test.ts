import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { labMessage, pop3Draft } from '../pop3-sync/pop3-sync-lab';

let lab: Lab;
let wren: TestCore;

beforeAll(async () => {
  lab = await startLab({
    users: [
      { email: 'imap-user@example.test', password: 'imap-secret' },
      { email: 'pop3-user@example.test', password: 'pop3-secret' },
    ],
  });
  const [imapUser, pop3User] = lab.users;
  await lab.seed(imapUser!.email, 'INBOX', [1, 2].map((n) => simpleMessage(n, { subject: 'Over IMAP', to: imapUser!.email })));
  await lab.seed(pop3User!.email, 'INBOX', [3, 4, 5].map((n) => labMessage(n)));
  wren = startCore();
});
afterAll(async () => {
  await wren?.dispose();
  await lab?.stop();
});

describe('an IMAP account and a POP3 account side by side', () => {
  it('`sync.run` without an account syncs both at once; the unified Inbox holds both, each message marked with its account', async () => {
    const [imapUser, pop3User] = lab.users;
    const imap = await wren.call('accounts.add', labDraft(lab, imapUser!, { smtp: null }));
    const pop3 = await wren.call('accounts.add', pop3Draft(lab, pop3User!));

    const run = await wren.call('sync.run', {});

    expect(run.failures).toEqual([]);
    expect(run.summaries.map((s) => [s.accountId, s.newMessages]).sort()).toEqual([[imap.id, 2], [pop3.id, 3]].sort());
    const inbox = await wren.call('messages.listView', { view: 'inbox' });
    expect(inbox.total).toBe(5);
    const subjectsOf = (accountId: number) => inbox.items.filter((m) => m.accountId === accountId).map((m) => m.subject).sort();
    expect(subjectsOf(imap.id)).toEqual(['Over IMAP 1', 'Over IMAP 2']);
    expect(subjectsOf(pop3.id)).toEqual(['POP3 message 3', 'POP3 message 4', 'POP3 message 5']);
    expect((await wren.call('views.list', {})).find((c) => c.view === 'inbox')).toEqual({ view: 'inbox', total: 5, unread: 5 });
  });

  it('removing the POP3 account leaves the IMAP account, its mail and the unified Inbox intact', async () => {
    const accounts = await wren.call('accounts.list', {});
    const pop3 = accounts.find((a) => a.protocol === 'pop3')!;
    await wren.call('accounts.remove', { accountId: pop3.id });
    const inbox = await wren.call('messages.listView', { view: 'inbox' });
    expect(inbox.items.map((m) => m.subject).sort()).toEqual(['Over IMAP 1', 'Over IMAP 2']);
    const again = await wren.call('sync.run', {});
    expect(again.failures).toEqual([]);
    expect(again.summaries.map((s) => s.accountId)).toEqual([accounts.find((a) => a.protocol === 'imap')!.id]);
  });
});
