import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { onServer } from '../journal/journal-lab';
import { coreFor, onServerById } from '../outbox/outbox-lab';
import type { TestCore } from '../imap/lab-core';

/** A message from Alice to Bob asking for a return receipt (RFC 8098) at `receiptTo`. */
function askingMessage(n: number, options: { receiptTo: string; subject: string; to?: string; extra?: string[] }): string {
  return [
    'From: Alice <alice@example.test>',
    `To: ${options.to ?? 'Bob <bob@example.test>'}`,
    `Subject: ${options.subject}`,
    `Date: Mon, 30 Nov 2026 09:0${n}:00 +0000`,
    `Message-ID: <receipt-${n}@example.test>`,
    `Disposition-Notification-To: ${options.receiptTo}`,
    ...(options.extra ?? []),
    '',
    'Please confirm you saw this.',
    '',
  ].join('\r\n');
}

/**
 * Return receipts against the lab: Bob's account reads the request, sends the receipt over the lab's
 * submission server into Alice's mailbox (Dovecot), or turns it down; either way the message is $MDNSent
 * on the server, so no device asks again.
 */
describe('return receipts (RFC 8098) asked of Bob', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const alice = () => lab.users[0]!.email;
  const bob = () => lab.users[1]!.email;
  const idOf = (path: string, subject: string) => {
    const folder = wren.core.store.folders.list(accountId).find((f) => f.path === path)!;
    return wren.core.store.messages.page(folder.id, 0, 50).items.find((m) => m.subject === subject)!.id;
  };

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(bob(), 'INBOX', [
      askingMessage(1, { receiptTo: 'Alice <alice@example.test>', subject: '季度报告' }),
      askingMessage(2, { receiptTo: 'alice@example.test', subject: 'Ignored one' }),
      askingMessage(3, { receiptTo: 'tracker@elsewhere.test', subject: 'Tracked' }),
      askingMessage(4, { receiptTo: 'alice@example.test', subject: 'A receipt itself', extra: ['Content-Type: multipart/report; report-type=disposition-notification; boundary="b"'] }),
      askingMessage(6, { receiptTo: 'alice@example.test', subject: 'Never opened' }),
      askingMessage(7, { receiptTo: 'alice@example.test', subject: 'Sent by the settings' }),
      askingMessage(8, { receiptTo: 'alice@example.test', subject: 'To the team', to: 'Team <team@example.test>' }),
    ]);
    await lab.seed(bob(), 'Junk', [askingMessage(5, { receiptTo: 'alice@example.test', subject: 'Spam asking' })]);
    ({ wren, accountId } = await coreFor(lab, 1));
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('reads the request from the server (the body is not here yet) and says when it would go elsewhere than the sender', async () => {
    expect(await wren.call('messages.receiptRequest', { messageId: idOf('INBOX', '季度报告') })).toEqual({ to: alice(), elsewhere: false, policy: 'ask' });
    expect(await wren.call('messages.receiptRequest', { messageId: idOf('INBOX', 'Tracked') })).toEqual({ to: 'tracker@elsewhere.test', elsewhere: true, policy: 'ask' });
  });

  it('the settings\' cases (Thunderbird\'s): always sends one unasked, automatic-action; never turns one down; elsewhere is still asked', async () => {
    await wren.call('settings.update', { app: { receiptCases: { notInToCc: 'never', outsideDomain: 'ask', otherCases: 'always' } } });
    try {
      const always = idOf('INBOX', 'Sent by the settings');
      expect(await wren.call('messages.receiptRequest', { messageId: always })).toEqual({ to: alice(), elsewhere: false, policy: 'always' });
      // The receipt would go elsewhere than the sender: asked whatever the case says (RFC 8098 2.1).
      expect(await wren.call('messages.receiptRequest', { messageId: idOf('INBOX', 'Tracked') })).toMatchObject({ policy: 'ask' });
      const team = idOf('INBOX', 'To the team');
      expect(await wren.call('messages.receiptRequest', { messageId: team })).toMatchObject({ policy: 'never' });
      // Unasked only where the settings answer so.
      await expect(wren.call('messages.answerReceipt', { messageId: team, send: true, language: 'en', automatic: true })).rejects.toMatchObject({ code: 'BadRequest' });
      expect(await wren.call('messages.answerReceipt', { messageId: team, send: false, language: 'en', automatic: true })).toEqual({ outboxId: null });
      const { outboxId } = await wren.call('messages.answerReceipt', { messageId: always, send: true, language: 'en', automatic: true });
      const [sent] = await wren.call('outbox.wait', { outboxIds: [outboxId!] });
      let delivered: Awaited<ReturnType<typeof onServerById>> = [];
      for (let tries = 0; delivered.length === 0 && tries < 50; tries += 1) {
        delivered = await onServerById(lab, alice(), 'INBOX', sent!.messageId);
        if (delivered.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(delivered[0]!.source.toString('utf8')).toContain('Disposition: automatic-action/MDN-sent-automatically; displayed\r\n');
      await wren.call('sync.run', { accountId });
      const flags = Object.fromEntries((await onServer(lab, bob(), 'INBOX')).map((m) => [m.subject, m.flags]));
      expect([flags['Sent by the settings'], flags['To the team']].map((f) => f!.includes('$MDNSent'))).toEqual([true, true]);
    } finally {
      await wren.call('settings.update', { app: { receiptCases: { notInToCc: 'ask', outsideDomain: 'ask', otherCases: 'ask' } } });
    }
  }, 60_000);

  it('asks nothing for a receipt itself, nor in Junk', async () => {
    expect(await wren.call('messages.receiptRequest', { messageId: idOf('INBOX', 'A receipt itself') })).toBeNull();
    expect(await wren.call('messages.receiptRequest', { messageId: idOf('Junk', 'Spam asking') })).toBeNull();
  });

  it('Send: the receipt reaches Alice as a multipart/report naming the original, in Chinese words; the original is $MDNSent on the server', async () => {
    const messageId = idOf('INBOX', '季度报告');
    const { outboxId } = await wren.call('messages.answerReceipt', { messageId, send: true, language: 'zh' });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [outboxId!] });
    expect(sent).toMatchObject({ state: 'sent', subject: '回执（已显示）- 季度报告', to: [alice()] });

    let delivered: Awaited<ReturnType<typeof onServerById>> = [];
    for (let tries = 0; delivered.length === 0 && tries < 50; tries += 1) {
      delivered = await onServerById(lab, alice(), 'INBOX', sent!.messageId);
      if (delivered.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(delivered).toHaveLength(1);
    const { parsed, source } = delivered[0]!;
    expect(parsed.subject).toBe('回执（已显示）- 季度报告');
    expect(parsed.from!.value[0]!.address).toBe(bob());
    expect(parsed.inReplyTo).toBe('<receipt-1@example.test>');
    expect(String(parsed.headers.get('content-type') && (parsed.headers.get('content-type') as { value: string }).value)).toBe('multipart/report');
    expect(parsed.text).toContain(`这是您发送给 ${bob()} 的邮件的回执。`);
    const text = source.toString('utf8');
    expect(text).toMatch(/Content-Type: message\/disposition-notification\r\n/);
    expect(text).toContain(`Final-Recipient: rfc822;${bob()}\r\n`);
    expect(text).toContain('Original-Message-ID: <receipt-1@example.test>\r\n');
    expect(text).toContain('Disposition: manual-action/MDN-sent-manually; displayed\r\n');

    await wren.call('sync.run', { accountId });
    const original = (await onServer(lab, bob(), 'INBOX')).find((m) => m.subject === '季度报告')!;
    expect(original.flags).toContain('$MDNSent');
    // Answered: not asked again, and a second answer is refused.
    expect(await wren.call('messages.receiptRequest', { messageId })).toBeNull();
    await expect(wren.call('messages.answerReceipt', { messageId, send: true, language: 'en' })).rejects.toMatchObject({ code: 'BadRequest' });
  }, 60_000);

  it('Ignore: nothing is sent, and the message is $MDNSent all the same', async () => {
    const messageId = idOf('INBOX', 'Ignored one');
    const before = (await wren.call('outbox.list', {})).length;
    expect(await wren.call('messages.answerReceipt', { messageId, send: false, language: 'en' })).toEqual({ outboxId: null });
    expect(await wren.call('outbox.list', {})).toHaveLength(before);
    await wren.call('sync.run', { accountId });
    expect((await onServer(lab, bob(), 'INBOX')).find((m) => m.subject === 'Ignored one')!.flags).toContain('$MDNSent');
    expect(await wren.call('messages.receiptRequest', { messageId })).toBeNull();
  }, 60_000);

  it('Bob asks one in turn: his draft keeps the choice, and Alice\'s Wren puts his request to her, not "elsewhere"', async () => {
    const message = { accountId, to: [{ name: 'Alice', address: alice() }], subject: 'Did it arrive?', text: 'Tell me.', requestReceipt: true };
    const { draftMessageId } = await wren.call('drafts.save', message);
    expect(await wren.call('compose.start', { mode: 'editDraft', messageId: draftMessageId })).toMatchObject({ requestReceipt: true, subject: 'Did it arrive?' });

    const entry = await wren.call('outbox.send', { message: { ...message, draftMessageId }, undoSeconds: 0 });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
    expect(sent!.state).toBe('sent');
    const aliceSide = await coreFor(lab, 0);
    try {
      const inbox = aliceSide.wren.core.store.folders.list(aliceSide.accountId).find((f) => f.path === 'INBOX')!;
      const received = aliceSide.wren.core.store.messages.page(inbox.id, 0, 50).items.find((m) => m.subject === 'Did it arrive?')!;
      // Delivered through the lab's SMTP server: its Return-Path is Bob's own address.
      expect(await aliceSide.wren.call('messages.receiptRequest', { messageId: received.id })).toEqual({ to: bob(), elsewhere: false, policy: 'ask' });
    } finally {
      await aliceSide.wren.dispose();
    }
  }, 60_000);

  // Last: the lab is gone after it (stopping it again in afterAll does nothing).
  it('offline, a message whose headers are not here cannot be asked about: null, not an error; one opened before still can', async () => {
    await lab.stop();
    expect(await wren.call('messages.receiptRequest', { messageId: idOf('INBOX', 'Never opened') })).toBeNull();
    expect(await wren.call('messages.receiptRequest', { messageId: idOf('INBOX', 'Tracked') })).toEqual({ to: 'tracker@elsewhere.test', elsewhere: true, policy: 'ask' });
  }, 60_000);
});
