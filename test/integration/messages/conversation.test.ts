import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { seededConversation } from '../../lab/conversation-messages';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/** The reading pane's conversation, from what a header sync against Dovecot stored (In-Reply-To included). */
describe('a message’s conversation', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const idOf = (path: string, subject: string) => {
    const folder = wren.core.store.folders.list(accountId).find((f) => f.path === path)!;
    return wren.core.store.messages.page(folder.id, 0, 10).items.find((m) => m.subject === subject)!.id;
  };

  beforeAll(async () => {
    lab = await startLab();
    const user = lab.users[0]!;
    const { inbox, sent } = seededConversation(user.email);
    await lab.seed(user.email, 'INBOX', inbox);
    await lab.seed(user.email, 'Sent', sent);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, user))).id;
    await wren.core.sync.run(accountId, false);
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('gathers the question, the reply from Sent and the answer, oldest first, from any of them', async () => {
    const last = idOf('INBOX', 'Re: 周五的会议');
    const { messages } = await wren.call('messages.conversation', { messageId: last });
    expect(messages.map((m) => [m.subject, m.folderRole])).toEqual([['周五的会议', 'inbox'], ['Re: 周五的会议', 'sent'], ['Re: 周五的会议', 'inbox']]);
    const reply = idOf('Sent', 'Re: 周五的会议');
    expect((await wren.call('messages.conversation', { messageId: reply })).messages.map((m) => m.id)).toEqual(messages.map((m) => m.id));
    expect((await wren.call('messages.conversation', { messageId: idOf('INBOX', 'Lunch?') })).messages.map((m) => m.subject)).toEqual(['Lunch?']);
  });

  it('follows the conversation when its first message moves to another folder', async () => {
    const first = idOf('INBOX', '周五的会议');
    const archive = wren.core.store.folders.list(accountId).find((f) => f.role === 'archive')!;
    await wren.call('messages.apply', { kind: 'move', messageIds: [first], folderId: archive.id });
    const { messages } = await wren.call('messages.conversation', { messageId: idOf('INBOX', 'Re: 周五的会议') });
    expect(messages.map((m) => m.folderRole)).toEqual(['archive', 'sent', 'inbox']);
  });

  it('answers NotFound for a message that is not there', async () => {
    await expect(wren.call('messages.conversation', { messageId: 999_999 })).rejects.toMatchObject({ code: 'NotFound' });
  });
});
