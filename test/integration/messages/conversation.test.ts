import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { conversationMessage, seededConversation } from '../../lab/conversation-messages';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/** The reading pane's conversation, from what a header sync against Dovecot stored (In-Reply-To and the first of References included). */
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
    // A later answer to a message that never came here (Carol's note to someone else): only its
    // References, folded over two lines, name the conversation's first message.
    const later = conversationMessage({
      id: 'q6', inReplyTo: 'q5', references: ['q1', 'q5'], from: 'Carol <carol@example.test>', to: user.email,
      subject: 'Re: 周五的会议 (改时间)', date: 'Mon, 30 Nov 2026 15:00:00 +0000', body: '改到三点。',
    });
    await lab.seed(user.email, 'INBOX', [...inbox, later]);
    await lab.seed(user.email, 'Sent', sent);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, user))).id;
    await wren.core.sync.run(accountId, false);
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('gathers the question, the reply from Sent, the answer and the later note by its References, oldest first, from any of them', async () => {
    const last = idOf('INBOX', 'Re: 周五的会议');
    const { messages } = await wren.call('messages.conversation', { messageId: last });
    expect(messages.map((m) => [m.subject, m.folderRole])).toEqual([
      ['周五的会议', 'inbox'], ['Re: 周五的会议', 'sent'], ['Re: 周五的会议', 'inbox'], ['Re: 周五的会议 (改时间)', 'inbox'],
    ]);
    for (const [path, subject] of [['Sent', 'Re: 周五的会议'], ['INBOX', 'Re: 周五的会议 (改时间)'], ['INBOX', '周五的会议']]) {
      expect((await wren.call('messages.conversation', { messageId: idOf(path!, subject!) })).messages.map((m) => m.id)).toEqual(messages.map((m) => m.id));
    }
    expect((await wren.call('messages.conversation', { messageId: idOf('INBOX', 'Lunch?') })).messages.map((m) => m.subject)).toEqual(['Lunch?']);
  });

  it('follows the conversation when its first message moves to another folder', async () => {
    const first = idOf('INBOX', '周五的会议');
    const archive = wren.core.store.folders.list(accountId).find((f) => f.role === 'archive')!;
    await wren.call('messages.apply', { kind: 'move', messageIds: [first], folderId: archive.id });
    const { messages } = await wren.call('messages.conversation', { messageId: idOf('INBOX', 'Re: 周五的会议') });
    expect(messages.map((m) => m.folderRole)).toEqual(['archive', 'sent', 'inbox', 'inbox']);
  });

  it('answers NotFound for a message that is not there', async () => {
    await expect(wren.call('messages.conversation', { messageId: 999_999 })).rejects.toMatchObject({ code: 'NotFound' });
  });
});
