import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { inboxFlagsOnServer } from './inbox-flags-on-server';
import type { TestCore } from '../imap/lab-core';
import { coreFor, sendNow } from '../outbox/outbox-lab';

/**
 * A reply saved as a draft, reopened from Drafts and sent marks its original \Answered, as a reply sent at
 * once does: the draft keeps only its In-Reply-To, by which the original is found again.
 */
let lab: Lab;
let alice: TestCore;
let aliceId: number;

beforeAll(async () => {
  lab = await startLab();
  await lab.seed(lab.users[0]!.email, 'INBOX', [
    'From: Bob <bob@example.test>\r\nTo: alice@example.test\r\nSubject: Question for later\r\nMessage-ID: <question-later@lab>\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\nWell?\r\n',
  ]);
  ({ wren: alice, accountId: aliceId } = await coreFor(lab, 0));
}, 60_000);

afterAll(async () => {
  await alice?.dispose();
  await lab?.stop();
});

describe('a reply continued from Drafts', () => {
  it('marks the original \\Answered on the server once it is sent', async () => {
    const inbox = (await alice.call('folders.list', { accountId: aliceId })).find((f) => f.role === 'inbox')!;
    const original = (await alice.call('messages.list', { folderId: inbox.id })).items.find((m) => m.subject === 'Question for later')!;
    const reply = await alice.call('compose.start', { mode: 'reply', messageId: original.id, language: 'en' });
    const draft = await alice.call('drafts.save', { ...reply, text: `Later.${reply.text}` });

    const continued = await alice.call('compose.start', { mode: 'editDraft', messageId: draft.draftMessageId, language: 'en' });
    expect(continued.inReplyTo).toBe('<question-later@lab>');
    expect(continued.origin).toEqual({ messageId: original.id, kind: 'reply' });
    const sent = await sendNow(alice, continued);
    expect(sent.state).toBe('sent');

    expect((await alice.call('messages.summary', { messageId: original.id })).answered).toBe(true);
    await vi.waitFor(() => expect(alice.core.store.operations.countUnfinished(aliceId)).toBe(0), { timeout: 20_000, interval: 50 });
    expect(await inboxFlagsOnServer(lab, '<question-later@lab>')).toContain('\\Answered');
  });

  it('a draft that answers nothing stored keeps no original', async () => {
    const draft = await alice.call('drafts.save', { accountId: aliceId, subject: 'Re: gone', text: 'hi', inReplyTo: '<not-here@lab>', references: ['<not-here@lab>'] });
    const continued = await alice.call('compose.start', { mode: 'editDraft', messageId: draft.draftMessageId, language: 'en' });
    expect(continued.inReplyTo).toBe('<not-here@lab>');
    expect(continued.origin).toBeNull();
  });
});
