import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { conversationMessage } from '../../lab/conversation-messages';
import { startCore, type TestCore } from '../imap/lab-core';
import { pop3Draft } from '../pop3-sync/pop3-sync-lab';

/** A POP3 account's new mail meets its filters as it is downloaded, and can be filed into a local folder. */
describe('message filters on a POP3 account, against Dovecot', () => {
  let lab: Lab;
  let wren: TestCore;

  beforeAll(async () => {
    lab = await startLab();
    wren = startCore();
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('files a list\'s new mail into a local folder, read, and announces only the rest', async () => {
    const alice = lab.users[0]!;
    const { id: accountId } = await wren.call('accounts.add', pop3Draft(lab, alice));
    await wren.core.sync.run(accountId, false); // the first check: nothing is news yet
    const lists = await wren.call('folders.create', { accountId: null, parentId: null, name: 'Lists' });
    await wren.call('filters.save', {
      accountId, name: 'Lists', conditions: [{ field: 'from', text: 'lists.example.org' }], actions: { moveTo: lists.id, markRead: true },
    });
    const announced: string[] = [];
    wren.core.events.on('mail.new', (event) => announced.push(...event.messages.map((message) => message.subject)));
    await lab.seed(alice.email, 'INBOX', [
      conversationMessage({ id: 'l1', from: 'Digest <news@lists.example.org>', to: alice.email, subject: 'Weekly digest', date: 'Tue, 1 Dec 2026 09:00:00 +0000', body: '...' }),
      conversationMessage({ id: 'p1', from: 'Dan <dan@example.test>', to: alice.email, subject: 'Lunch?', date: 'Tue, 1 Dec 2026 10:00:00 +0000', body: 'Noon?' }),
    ]);
    await wren.core.sync.run(accountId, false);
    await new Promise((resolve) => setImmediate(resolve));
    const inbox = wren.core.store.folders.list(accountId).find((folder) => folder.role === 'inbox')!;
    expect(wren.core.store.messages.page(inbox.id, 0, 10).items.map((m) => m.subject)).toEqual(['Lunch?']);
    expect(wren.core.store.messages.page(lists.id, 0, 10).items.map((m) => [m.subject, m.seen])).toEqual([['Weekly digest', true]]);
    expect(announced).toEqual(['Lunch?']);
  });
});
