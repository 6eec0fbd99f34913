import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { invitationMessage } from '../../lab/invitation-message';
import { onServer } from '../journal/journal-lab';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById } from '../outbox/outbox-lab';

/**
 * Invitations against the lab: Alice (the organizer) invites Bob; Bob's Wren reads the event from the
 * server (the calendar part alone, not yet downloaded) and answers; Alice's mailbox gets the iTIP REPLY.
 */
describe('calendar invitations (iTIP) in Bob\'s Inbox', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const alice = () => lab.users[0]!.email;
  const bob = () => lab.users[1]!.email;
  const idOf = (messageId: string) => {
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    return wren.core.store.messages.page(inbox.id, 0, 50).items.find((m) => wren.core.store.messages.get(m.id)!.messageId === messageId)!.id;
  };

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(bob(), 'INBOX', [
      invitationMessage({ organizer: alice(), attendees: [bob(), 'eve@example.test'], messageId: '<invite-1@example.test>' }),
      invitationMessage({ organizer: alice(), method: 'CANCEL', summary: 'Lunch', uid: 'lunch-1', messageId: '<cancel-1@example.test>', base64: false }),
    ]);
    ({ wren, accountId } = await coreFor(lab, 1, { displayName: 'Bob Lee' }));
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('reads the event from its base64 calendar part: what, when (its own time zone), where, who; Bob is an attendee who can answer', async () => {
    const invitation = await wren.call('messages.invitation', { messageId: idOf('<invite-1@example.test>') });
    expect(invitation).toMatchObject({
      method: 'REQUEST', summary: '季度预算评审', location: '3号会议室', start: Date.UTC(2026, 11, 8, 6, 0), end: Date.UTC(2026, 11, 8, 7, 0),
      organizer: { name: 'Dan Li', address: alice() }, you: { address: bob(), status: 'needs-action' }, canAnswer: true, cancelled: false,
    });
    expect(invitation!.attendees.map((a) => a.address)).toEqual([bob(), 'eve@example.test']);
  });

  it('Accept: the REPLY reaches the organizer and names the event; the invitation is \\Answered on the server', async () => {
    const messageId = idOf('<invite-1@example.test>');
    const { outboxId } = await wren.call('messages.answerInvitation', { messageId, answer: 'accepted', language: 'en' });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [outboxId] });
    expect(sent).toMatchObject({ state: 'sent', subject: 'Accepted: 季度预算评审', to: [alice()] });
    const [delivered] = await onServerById(lab, alice(), 'INBOX', sent!.messageId);
    const calendar = delivered!.parsed.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString();
    expect(calendar).toContain('METHOD:REPLY');
    expect(calendar).toContain('UID:040000008200E00074C5B7101A82E0080000000010');
    expect(calendar).toMatch(new RegExp(`ATTENDEE;CN=Bob Lee;PARTSTAT=ACCEPTED:mailto:${bob()}`));
    await wren.call('sync.run', { accountId });
    expect((await onServer(lab, bob(), 'INBOX')).find((m) => m.subject === '季度预算评审')!.flags).toContain('\\Answered');
  }, 60_000);

  it('a cancellation says so and cannot be answered', async () => {
    const messageId = idOf('<cancel-1@example.test>');
    expect(await wren.call('messages.invitation', { messageId })).toMatchObject({ method: 'CANCEL', summary: 'Lunch', cancelled: true, canAnswer: false });
    await expect(wren.call('messages.answerInvitation', { messageId, answer: 'accepted', language: 'en' })).rejects.toMatchObject({ code: 'BadRequest' });
  });

  it('a message without a calendar has none', async () => {
    await lab.seed(bob(), 'INBOX', ['From: a@x.test\r\nTo: b@y.test\r\nSubject: Plain\r\nMessage-ID: <plain@x.test>\r\n\r\nNo event.\r\n']);
    await wren.call('sync.run', { accountId });
    expect(await wren.call('messages.invitation', { messageId: idOf('<plain@x.test>') })).toBeNull();
  }, 60_000);

  it('working offline, an invitation whose calendar is not downloaded yet shows none (as offline), and its event once back online', async () => {
    await lab.seed(bob(), 'INBOX', [invitationMessage({ organizer: alice(), summary: 'Offsite', uid: 'offsite-1', messageId: '<offsite-1@example.test>' })]);
    await wren.call('sync.run', { accountId });
    const messageId = idOf('<offsite-1@example.test>');
    await wren.call('settings.update', { app: { workOffline: true } });
    try {
      expect(await wren.call('messages.invitation', { messageId })).toBeNull();
    } finally {
      await wren.call('settings.update', { app: { workOffline: false } });
    }
    expect(await wren.call('messages.invitation', { messageId })).toMatchObject({ summary: 'Offsite', canAnswer: true });
  }, 60_000);
});
