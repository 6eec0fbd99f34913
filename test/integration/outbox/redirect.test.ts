import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById } from './outbox-lab';

const ORIGINAL = [
  'From: =?UTF-8?B?5p2O5piO?= <alice@example.test>',
  'To: Bob <bob@example.test>',
  'Subject: =?UTF-8?B?5ZCI5ZCM6I2J56i/?=',
  'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'Message-ID: <contract-v2@example.test>',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  '请看第二版。',
  '.a line starting with a dot',
  '',
].join('\r\n');

/** Redirect against the lab: Bob sends Alice's message on to Carol over the lab's submission server. */
describe('redirecting a message (resent fields, RFC 5322 section 3.6.6)', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const bob = () => lab.users[1]!.email;
  const carol = () => lab.users[2]!.email;
  const inboxId = () => {
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    return wren.core.store.messages.page(inbox.id, 0, 10).items[0]!.id;
  };

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(bob(), 'INBOX', [ORIGINAL]);
    ({ wren, accountId } = await coreFor(lab, 1));
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('reaches the new recipient as the original was, byte for byte below a Resent block naming Bob, Carol and the time', async () => {
    const entry = await wren.call('outbox.redirect', { messageId: inboxId(), to: [{ name: '王芳', address: carol() }] });
    expect(entry).toMatchObject({ subject: '合同草稿', to: [carol()] });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
    expect(sent!.state).toBe('sent');

    const [delivered] = await onServerById(lab, carol(), 'INBOX', '<contract-v2@example.test>');
    expect(delivered).toBeDefined();
    const text = delivered!.source.toString('utf8');
    const resentAt = text.indexOf('Resent-From:');
    const block = text.slice(resentAt, text.indexOf('From: =?UTF-8?B?5p2O5piO?='));
    // Bob gave no name of his own: his bare address (the account's name, a label, never goes out).
    expect(block).toMatch(new RegExp(`^Resent-From: ${bob()}\\r\\nResent-To: =\\?UTF-8\\?Q\\?[^\\r]+<${carol()}>\\r\\n`
      + 'Resent-Date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000\\r\\n'
      + `Resent-Message-ID: ${sent!.messageId.replace(/[.$]/g, '\\$&')}\\r\\n$`));
    expect(text.endsWith(ORIGINAL)).toBe(true);
    // The envelope: sent by Bob (the server writes MAIL FROM as the Return-Path at delivery).
    expect(text).toMatch(new RegExp(`^Return-Path: <${bob()}>`, 'm'));
    expect(delivered!.parsed.subject).toBe('合同草稿');
    expect(delivered!.parsed.from!.value[0]).toEqual({ name: '李明', address: 'alice@example.test' });
  }, 60_000);

  it('a message of the Local Folders is sent on from the account named; without one, refused in words', async () => {
    const local = await wren.call('folders.create', { accountId: null, name: 'Kept' });
    await wren.call('messages.apply', { kind: 'copy', messageIds: [inboxId()], folderId: local.id });
    const localId = wren.core.store.messages.page(local.id, 0, 10).items[0]!.id;
    await expect(wren.call('outbox.redirect', { messageId: localId, to: [{ name: '', address: carol() }] })).rejects.toMatchObject({ code: 'BadRequest' });

    const entry = await wren.call('outbox.redirect', { messageId: localId, to: [{ name: '', address: carol() }], accountId });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
    expect(sent!.state).toBe('sent');
    const client = await connectImap(lab, carol());
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
      expect(await client.search({ header: { 'Resent-Message-ID': sent!.messageId } }, { uid: true })).toHaveLength(1);
    } finally {
      await client.logout();
    }
  }, 60_000);
});
