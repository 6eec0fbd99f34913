import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { inboxFlagsOnServer } from './inbox-flags-on-server';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById, sendNow, to } from '../outbox/outbox-lab';

/**
 * A forward saved as a draft, reopened from Drafts and sent marks its original $Forwarded, as a forward sent at
 * once does: the draft names the original in X-Forwarded-Message-Id (Thunderbird's header), by which it is found again.
 */
let lab: Lab;
let alice: TestCore;
let aliceId: number;

const seeded = (subject: string, messageId: string) =>
  `From: Bob <bob@example.test>\r\nTo: alice@example.test\r\nSubject: ${subject}\r\nMessage-ID: ${messageId}\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\nHave a look.\r\n`;

beforeAll(async () => {
  lab = await startLab();
  await lab.seed(lab.users[0]!.email, 'INBOX', [seeded('Plan to pass on', '<plan-on@lab>'), seeded('Plan to attach', '<plan-attach@lab>')]);
  ({ wren: alice, accountId: aliceId } = await coreFor(lab, 0));
}, 60_000);

afterAll(async () => {
  await alice?.dispose();
  await lab?.stop();
});

async function inboxMessage(subject: string) {
  const inbox = (await alice.call('folders.list', { accountId: aliceId })).find((f) => f.role === 'inbox')!;
  return (await alice.call('messages.list', { folderId: inbox.id })).items.find((m) => m.subject === subject)!;
}

/** Forwards the message as asked, saves it as a draft and reopens that draft from Drafts. */
async function forwardViaDrafts(mode: 'forward' | 'forwardAttachment', originalId: number) {
  const forward = await alice.call('compose.start', { mode, messageId: originalId, language: 'en' });
  const draft = await alice.call('drafts.save', { ...forward, to: to(lab.users[1]!.email), text: `For you.${forward.text}` });
  return alice.call('compose.start', { mode: 'editDraft', messageId: draft.draftMessageId, language: 'en' });
}

describe('a forward continued from Drafts', () => {
  it('marks the original $Forwarded on the server once it is sent, and the sent forward names it as Thunderbird\'s does', async () => {
    const original = await inboxMessage('Plan to pass on');
    const continued = await forwardViaDrafts('forward', original.id);
    expect(continued.inReplyTo).toBeNull();
    expect(continued.origin).toEqual({ messageId: original.id, kind: 'forward' });
    const sent = await sendNow(alice, continued);
    expect(sent.state).toBe('sent');

    expect((await alice.call('messages.summary', { messageId: original.id })).forwarded).toBe(true);
    await vi.waitFor(() => expect(alice.core.store.operations.countUnfinished(aliceId)).toBe(0), { timeout: 20_000, interval: 50 });
    expect(await inboxFlagsOnServer(lab, '<plan-on@lab>')).toContain('$Forwarded');
    const [delivered] = await onServerById(lab, lab.users[1]!.email, 'INBOX', sent.messageId);
    expect(delivered!.parsed.headers.get('x-forwarded-message-id')).toBe('<plan-on@lab>');
  });

  it('a forward as an attachment comes back as one and marks its original $Forwarded too', async () => {
    const original = await inboxMessage('Plan to attach');
    const continued = await forwardViaDrafts('forwardAttachment', original.id);
    expect(continued.origin).toEqual({ messageId: original.id, kind: 'forwardAttachment' });
    expect(continued.attachments.map((a) => a.contentType)).toEqual(['message/rfc822']);
    expect((await sendNow(alice, continued)).state).toBe('sent');
    await vi.waitFor(() => expect(alice.core.store.operations.countUnfinished(aliceId)).toBe(0), { timeout: 20_000, interval: 50 });
    expect(await inboxFlagsOnServer(lab, '<plan-attach@lab>')).toContain('$Forwarded');
  });

  it('a forward as an attachment with no words at all comes back from Drafts as the same: the file, no text from it', async () => {
    const original = await inboxMessage('Plan to attach');
    const forward = await alice.call('compose.start', { mode: 'forwardAttachment', messageId: original.id, language: 'en' });
    const draft = await alice.call('drafts.save', { ...forward, to: to(lab.users[1]!.email), text: '', html: null });
    const continued = await alice.call('compose.start', { mode: 'editDraft', messageId: draft.draftMessageId, language: 'en' });
    expect(continued.origin).toEqual({ messageId: original.id, kind: 'forwardAttachment' });
    expect(continued.attachments.map((a) => [a.contentType, a.filename])).toEqual([['message/rfc822', 'Plan to attach.eml']]);
    expect(continued.text.trim()).toBe('');
    expect(continued.html).toBeNull();
  });

  it('reads the header in a draft Thunderbird wrote (which names the original in In-Reply-To too): a forward, not a reply', async () => {
    await lab.seed(lab.users[0]!.email, 'INBOX', [seeded('Plan from Thunderbird', '<tb-plan@lab>')]);
    const thunderbirdDraft = (subject: string, forwarded: string) =>
      `From: alice@example.test\r\nTo: carol@example.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@tb>\r\n` +
      `In-Reply-To: ${forwarded}\r\nReferences: ${forwarded}\r\nX-Forwarded-Message-Id: ${forwarded}\r\n\r\nForwarded in Thunderbird\r\n`;
    await lab.seed(lab.users[0]!.email, 'Drafts', [thunderbirdDraft('Fwd: Plan from Thunderbird', '<tb-plan@lab>'), thunderbirdDraft('Fwd: gone', '<not-here@lab>')], { flags: ['\\Draft'] });
    await alice.call('sync.run', { accountId: aliceId });
    const drafts = (await alice.call('folders.list', { accountId: aliceId })).find((f) => f.role === 'drafts')!;
    const listed = (await alice.call('messages.list', { folderId: drafts.id })).items;
    const reopen = (subject: string) => alice.call('compose.start', { mode: 'editDraft', messageId: listed.find((m) => m.subject === subject)!.id, language: 'en' });

    expect((await reopen('Fwd: Plan from Thunderbird')).origin).toEqual({ messageId: (await inboxMessage('Plan from Thunderbird')).id, kind: 'forward' });
    // One that forwards nothing stored here keeps no original.
    expect((await reopen('Fwd: gone')).origin).toBeNull();
  });
});
