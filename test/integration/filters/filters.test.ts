import { describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/lab';
import { submitMail } from '../../lab/submit-mail';
import { journalLab, onServer, subjects } from '../journal/journal-lab';

/** Message filters against Dovecot: the moves and flags they decide reach the server through the journal. */
describe('message filters, against Dovecot', () => {
  const f = journalLab();

  it('"Run now" over the Inbox moves and flags on the server what matches, and leaves the rest', async () => {
    await f.seed('Lists', 1);
    await f.seed('INBOX', 3);
    const lists = f.folderId('Lists');
    const inbox = f.folderId('INBOX');
    const filter = await f.wren.call('filters.save', {
      accountId: f.accountId, name: 'Two and three', match: 'any',
      conditions: [{ field: 'subject', text: 'Op INBOX 3' }, { field: 'subject', text: 'op inbox 4' }],
      actions: { moveTo: lists, markRead: true },
    });
    expect(await f.wren.call('filters.run', { folderId: inbox })).toEqual({ matched: 2, moved: 2, copied: 0, redirected: 0, redirectsFailed: 0, forwarded: 0, forwardsFailed: 0, replied: 0, repliesFailed: 0, missingFolders: [], unreadable: 0 });
    await f.settled();
    expect(subjects(await onServer(f.lab, f.user, 'INBOX'))).toEqual(['Op INBOX 2']);
    const moved = await onServer(f.lab, f.user, 'Lists');
    expect(subjects(moved)).toEqual(['Op INBOX 3', 'Op INBOX 4', 'Op Lists 1']);
    expect(moved.filter((m) => m.subject.startsWith('Op INBOX')).map((m) => m.flags)).toEqual([['\\Seen'], ['\\Seen']]);
    await f.wren.call('filters.remove', { filterId: filter.id });
  });

  it('new mail delivered over SMTP is filtered as it lands in the Inbox: tagged and flagged, or deleted to Trash', async () => {
    await f.wren.call('filters.save', { accountId: f.accountId, name: 'Boss', conditions: [{ field: 'subject', text: '季度' }], actions: { flag: true, tag: '$label1' } });
    await f.wren.call('filters.save', { accountId: f.accountId, name: 'Spam', conditions: [{ field: 'subject', text: 'WIN' }], actions: { delete: true } });
    const announced: string[] = [];
    f.wren.core.events.on('mail.new', (event) => announced.push(...event.messages.map((message) => message.subject)));
    const alice = f.lab.users[0]!;
    const bob = f.lab.users[1]!;
    await submitMail(f.lab, alice, bob, '季度报告');
    await submitMail(f.lab, alice, bob, 'You WIN a prize');
    // The sync that stores them announces them (mail.new), and the filters act on that announcement.
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    const inbox = await onServer(f.lab, f.user, 'INBOX');
    expect(inbox.find((m) => m.subject === '季度报告')?.flags).toEqual(['$label1', '\\Flagged']);
    expect(subjects(inbox)).not.toContain('You WIN a prize');
    expect(subjects(await onServer(f.lab, f.user, 'Trash'))).toEqual(['You WIN a prize']);
    // Filtered before the announcement: the message deleted brought no notification, the one kept did.
    expect(announced).toEqual(['季度报告']);
    expect(f.failed).toEqual([]);
  });

  it('a copy is made on the server before the move, and conditions on the status and the age pick the messages', async () => {
    await f.seed('INBOX', 2);
    const inbox = f.folderId('INBOX');
    const lists = f.folderId('Lists');
    const kept = f.folderId('Archive');
    const [first, second] = f.wren.core.store.messages.page(inbox, 0, 50).items.filter((m) => /^Op INBOX/.test(m.subject)).sort((a, b) => a.subject.localeCompare(b.subject));
    await f.wren.call('messages.setFlags', { messageId: first!.id, flagged: true });
    const filter = await f.wren.call('filters.save', {
      accountId: f.accountId, name: 'Starred, sent over a month ago',
      conditions: [{ field: 'status', operator: 'is', text: 'flagged' }, { field: 'age', operator: 'isGreaterThan', text: '30' }, { field: 'status', operator: 'isNot', text: 'read' }],
      actions: { copyTo: kept, moveTo: lists },
    });
    expect(await f.wren.call('filters.run', { folderId: inbox, filterId: filter.id })).toMatchObject({ matched: 1, moved: 1, copied: 1 });
    await f.settled();
    const subject = first!.subject;
    expect(subjects(await onServer(f.lab, f.user, 'Archive'))).toContain(subject);
    expect(subjects(await onServer(f.lab, f.user, 'Lists'))).toContain(subject);
    const left = subjects(await onServer(f.lab, f.user, 'INBOX'));
    expect(left).not.toContain(subject);
    expect(left).toContain(second!.subject);
    await f.wren.call('filters.remove', { filterId: filter.id });
  });

  it('a header field and the body are read from the server for messages never opened, and kept; offline they are counted, not guessed', async () => {
    const alice = f.lab.users[0]!;
    const onList = [
      'From: Wren devs <dev@lists.example.org>', `To: ${f.user}`, 'Subject: Weekly build', 'List-Id: Wren developers <dev.wren.example.org>',
      'Message-ID: <list-filter@example.org>', 'Content-Type: text/plain; charset=utf-8', '', 'The build is green.', '',
    ].join('\r\n');
    const invoice = [
      `From: ${alice.email}`, `To: ${f.user}`, 'Subject: 九月', 'Message-ID: <invoice-filter@example.test>',
      'Content-Type: text/plain; charset=gbk', 'Content-Transfer-Encoding: base64', '', Buffer.from([0xc7, 0xeb, 0xb2, 0xe9, 0xca, 0xd5, 0xb7, 0xa2, 0xc6, 0xb1]).toString('base64'), '',
    ].join('\r\n');
    await f.seed('Lists', 1);
    await f.lab.seed(f.user, 'INBOX', [onList, invoice]);
    await f.wren.core.sync.run(f.accountId, false);
    const inbox = f.folderId('INBOX');
    const lists = f.folderId('Lists');
    const idOf = (subject: string) => f.local('INBOX').find((m) => m.subject === subject)!.id;
    const [listId, invoiceId] = [idOf('Weekly build'), idOf('九月')];
    expect(f.wren.core.store.bodies.headerBlock(listId)).toBeUndefined();
    const byList = await f.wren.call('filters.save', {
      accountId: f.accountId, name: 'Wren list', conditions: [{ field: 'header', header: 'List-Id', operator: 'contains', text: 'dev.wren.example.org' }], actions: { moveTo: lists },
    });
    const byBody = await f.wren.call('filters.save', {
      accountId: f.accountId, name: 'Invoices', conditions: [{ field: 'body', operator: 'contains', text: '发票' }], actions: { flag: true },
    });
    expect(await f.wren.call('filters.run', { folderId: inbox, filterId: byBody.id })).toMatchObject({ matched: 1, unreadable: 0 });
    // The body read for the filter is the one the reading pane shows (GBK decoded); reading it did not mark it read.
    expect(f.local('INBOX').find((m) => m.id === invoiceId)?.seen).toBe(false);
    await f.settled();
    const onServerNow = await onServer(f.lab, f.user, 'INBOX');
    expect(onServerNow.find((m) => m.subject === '九月')?.flags).toEqual(['\\Flagged']);
    // Offline, the never-read header block cannot be had: the list filter moves nothing and says so.
    await f.goOffline();
    const offline = await f.wren.call('filters.run', { folderId: inbox, filterId: byList.id });
    expect([offline.matched, offline.moved]).toEqual([0, 0]);
    expect(offline.unreadable).toBeGreaterThan(0);
    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false);
    expect(await f.wren.call('filters.run', { folderId: inbox, filterId: byList.id })).toMatchObject({ matched: 1, moved: 1, unreadable: 0 });
    // Kept, so the next run needs no server for it.
    expect(f.wren.core.store.bodies.headerBlock(listId)?.toString()).toContain('List-Id: Wren developers');
    await f.settled();
    expect(subjects(await onServer(f.lab, f.user, 'Lists'))).toContain('Weekly build');
    await f.wren.call('filters.remove', { filterId: byList.id });
    await f.wren.call('filters.remove', { filterId: byBody.id });
  });

  it('the Filter Log says so when the server refuses a filter\'s move (its folder deleted on another device), and the mail is back where the server has it', async () => {
    const seeded = await f.seed('LogStay', 2);
    const names = [...seeded.keys()];
    await f.seed('LogDoomed', 1);
    const doomed = f.folderId('LogDoomed');
    const filter = await f.wren.call('filters.save', {
      accountId: f.accountId, name: 'To the doomed folder', conditions: [{ field: 'subject', text: 'Op LogStay' }], actions: { moveTo: doomed, flag: true },
    });
    const other = await connectImap(f.lab, f.user);
    await other.mailboxDelete('LogDoomed');
    await other.logout();
    f.failed.length = 0;

    expect(await f.wren.call('filters.run', { folderId: f.folderId('LogStay'), filterId: filter.id })).toMatchObject({ matched: 2, moved: 2 });
    await f.settled();
    expect(f.failed).toEqual([expect.objectContaining({ kind: 'move', error: expect.objectContaining({ code: 'FolderGone' }) })]);
    expect(subjects(await onServer(f.lab, f.user, 'LogStay'))).toEqual(names);
    const log = await f.wren.call('filters.log', { accountId: f.accountId, limit: 2 });
    // The flags reached the server; the move did not, and the log says why.
    expect(log.map((entry) => entry.did)).toEqual([0, 1].map(() => [
      { kind: 'flag' }, { kind: 'move', folder: 'LogDoomed', refused: expect.objectContaining({ code: 'FolderGone', details: { folder: 'LogDoomed' } }) },
    ]));
    expect((await onServer(f.lab, f.user, 'LogStay')).map((m) => m.flags)).toEqual([['\\Flagged'], ['\\Flagged']]);
    await f.wren.call('filters.remove', { filterId: filter.id });
  });
});
