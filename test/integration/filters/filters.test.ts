import { describe, expect, it } from 'vitest';
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
    expect(await f.wren.call('filters.run', { folderId: inbox })).toEqual({ matched: 2, moved: 2, copied: 0, redirected: 0, redirectsFailed: 0, missingFolders: [] });
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
});
