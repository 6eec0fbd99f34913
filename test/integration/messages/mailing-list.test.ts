import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

const listMessage = (subject: string) => [
  'From: Weekly News <news@lists.example.org>',
  'To: alice@example.test',
  `Subject: ${subject}`,
  'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  `Message-ID: <${subject.replace(/\W/g, '')}@lists.example.org>`,
  'List-Id: Weekly <weekly.lists.example.org>',
  'List-Unsubscribe: <mailto:leave@lists.example.org?subject=unsubscribe>,',
  ' <https://lists.example.org/unsubscribe?list=weekly&',
  ' member=alice>',
  'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'This week: nothing much.',
  '',
].join('\r\n');

const PLAIN = ['From: Bob <bob@example.test>', 'To: alice@example.test', 'Subject: Lunch', 'Date: Tue, 01 Dec 2026 10:00:00 +0000', 'Message-ID: <lunch@example.test>', '', 'Noon?', ''].join('\r\n');

/** The reading pane's Unsubscribe: the List-Unsubscribe field asked of Dovecot, or read from the cached source. */
describe('messages.listUnsubscribe', () => {
  let lab: Lab | undefined;
  let wren: TestCore;
  let accountId: number;
  const idOf = (subject: string) => {
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    return wren.core.store.messages.page(inbox.id, 0, 10).items.find((m) => m.subject === subject)!.id;
  };
  const WAYS_OUT = {
    web: 'https://lists.example.org/unsubscribe?list=weekly&member=alice',
    mailto: { to: ['leave@lists.example.org'], cc: [], subject: 'unsubscribe', body: '' },
  };

  beforeAll(async () => {
    lab = await startLab();
    const user = lab.users[0]!;
    await lab.seed(user.email, 'INBOX', [listMessage('Weekly 1'), listMessage('Weekly 2'), PLAIN]);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, user))).id;
    await wren.core.sync.run(accountId, false);
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('asks the server for the field of a message not downloaded, folded URI joined, and leaves it unread', async () => {
    const id = idOf('Weekly 1');
    expect(await wren.call('messages.listUnsubscribe', { messageId: id })).toEqual(WAYS_OUT);
    expect(wren.core.store.messages.get(id)!.seen).toBe(false);
    expect(await wren.call('messages.listUnsubscribe', { messageId: idOf('Lunch') })).toBeNull();
  });

  it('reads a downloaded message\'s own source, offline too; one not downloaded then has no answer, and no error', async () => {
    const downloaded = idOf('Weekly 2');
    await wren.call('messages.source', { messageId: downloaded });
    await lab!.stop();
    lab = undefined;
    expect(await wren.call('messages.listUnsubscribe', { messageId: downloaded })).toEqual(WAYS_OUT);
    expect(await wren.call('messages.listUnsubscribe', { messageId: idOf('Weekly 1') })).toBeNull();
    await expect(wren.call('messages.listUnsubscribe', { messageId: 999_999 })).rejects.toMatchObject({ code: 'NotFound' });
  });
});
