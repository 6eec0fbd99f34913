import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedMessageInput } from '../../../src-main/ipc/contract';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * Compose against the real lab: answers built from messages Wren synced,
 * drafts APPENDed to Dovecot's Drafts and replaced (checked over a second
 * IMAP session, as another device sees them), suggestions from the store.
 */
let lab: Lab;
let wren: TestCore;
let accountId: number;
const bob = () => lab.users[1]!;

const ORIGINAL = [
  'From: =?UTF-8?B?5byg5LiJ?= <zhang@example.test>',
  'To: Bob <bob@example.test>, Carol <carol@example.test>',
  'Cc: dave@example.test, bob@example.test',
  'Reply-To: list@example.test',
  'Subject: =?UTF-8?B?5Zue5aSN77yaIOiuoeWIkg==?=',
  'Date: Tue, 01 Dec 2026 09:15:00 +0000',
  'Message-ID: <orig@example.test>',
  'In-Reply-To: <parent@example.test>',
  'References: <root@example.test>\r\n <parent@example.test>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'First line',
  '> quoted before',
  '',
].join('\r\n');

const ATTACHED = [
  'From: Ann <ann@example.test>',
  'To: bob@example.test',
  'Subject: Files',
  'Date: Tue, 01 Dec 2026 10:00:00 +0000',
  'Message-ID: <files@example.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'See the file.',
  '--b',
  'Content-Type: application/pdf; name="report.pdf"',
  'Content-Disposition: attachment; filename="report.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF-1.4 pretend').toString('base64'),
  '--b--',
  '',
].join('\r\n');

const TO_SALES = [
  'From: Erin <erin@example.test>',
  'To: sales@example.test',
  'Cc: bob@example.test',
  'Subject: Order',
  'Date: Tue, 01 Dec 2026 11:00:00 +0000',
  'Message-ID: <order@example.test>',
  '',
  'Please send the price list.',
  '',
].join('\r\n');

/** HTML alone, no text part: a shop's order mail, with a heading, emphasis and a table. */
const HTML_ONLY = [
  'From: Shop <shop@example.test>',
  'To: bob@example.test',
  'Subject: Your order',
  'Date: Tue, 01 Dec 2026 12:00:00 +0000',
  'Message-ID: <shop-order@example.test>',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<h1>Thanks!</h1><p>Your <b>order</b> is <i>on its way</i>.</p>',
  '<table><tr><th>Item</th><th>Qty</th></tr><tr><td>Pen</td><td>2</td></tr></table>',
  '',
].join('\r\n');

async function messageBySubject(subject: string): Promise<number> {
  const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
  const found = (await wren.call('messages.list', { folderId: inbox.id })).items.find((m) => m.subject === subject);
  if (!found) throw new Error(`no message ${subject}`);
  return found.id;
}

async function draftsOnServer(): Promise<{ uid: number; subject: string; flags: string[]; source: string }[]> {
  const client = await connectImap(lab, bob().email);
  try {
    await client.mailboxOpen('Drafts', { readOnly: true });
    const all = await client.fetchAll('1:*', { uid: true, envelope: true, flags: true, source: true }, { uid: true }).catch(() => []);
    return all.map((m) => ({ uid: m.uid, subject: m.envelope!.subject!, flags: [...m.flags!], source: m.source!.toString() }));
  } finally {
    await client.logout();
  }
}

beforeAll(async () => {
  lab = await startLab();
  await lab.seed(bob().email, 'INBOX', [ORIGINAL, ATTACHED, TO_SALES, HTML_ONLY]);
  wren = startCore();
  accountId = (await wren.call('accounts.add', labDraft(lab, bob(), { displayName: 'Bob B' }))).id;
  await wren.call('sync.run', { accountId });
}, 60_000);

afterAll(async () => {
  await wren?.dispose();
  await lab?.stop();
});

describe('compose.start against lab messages', () => {
  it('replies: Re: once (a Chinese 回复： counts), quoted original with attribution, In-Reply-To and References, Reply-To honoured', async () => {
    const messageId = await messageBySubject('回复： 计划');
    const reply = await wren.call('compose.start', { mode: 'reply', messageId, language: 'zh' });
    expect(reply.subject).toBe('Re: 计划');
    expect(reply.to).toEqual([{ name: '', address: 'list@example.test' }]);
    expect(reply.cc).toEqual([]);
    expect(reply.inReplyTo).toBe('<orig@example.test>');
    expect(reply.references).toEqual(['<root@example.test>', '<parent@example.test>', '<orig@example.test>']);
    expect(reply.text).toMatch(/张三 <zhang@example\.test> 写道：\n> First line\n>> quoted before/);
    expect(reply.origin).toEqual({ messageId, kind: 'reply' });
    expect(reply.accountId).toBe(accountId);
  });

  it('quotes an HTML-only original as the pane reads it as plain text: headings in their own case, table cells on lines of their own', async () => {
    const messageId = await messageBySubject('Your order');
    const reply = await wren.call('compose.start', { mode: 'reply', messageId, language: 'en' });
    expect(reply.text).toContain('> Thanks!\n');
    expect(reply.text).not.toContain('THANKS');
    expect(reply.text).toContain('> Your order is on its way.');
    expect(reply.text).toMatch(/> Item\n> Qty\n> Pen\n> 2/);
    const forward = await wren.call('compose.start', { mode: 'forward', messageId, language: 'en' });
    expect(forward.text).toMatch(/Thanks!\n[\s\S]*Item\nQty\nPen\n2/);
  });

  it('replies to all without the user, in English', async () => {
    const messageId = await messageBySubject('回复： 计划');
    const reply = await wren.call('compose.start', { mode: 'replyAll', messageId, language: 'en' });
    expect(reply.to.map((a) => a.address)).toEqual(['list@example.test']);
    expect(reply.cc.map((a) => a.address)).toEqual(['carol@example.test', 'dave@example.test']);
    expect(reply.text).toMatch(/On .*2026.*, 张三 <zhang@example\.test> wrote:/);
  });

  it('quotes only the text the user selected, as Thunderbird does, and the whole message for a blank selection', async () => {
    const messageId = await messageBySubject('回复： 计划');
    const part = await wren.call('compose.start', { mode: 'reply', messageId, language: 'en', quote: 'quoted before\r\nand kept' });
    expect(part.text).toMatch(/wrote:\n> quoted before\n> and kept\n$/);
    expect(part.text).not.toContain('First line');
    expect(part.inReplyTo).toBe('<orig@example.test>');
    const whole = await wren.call('compose.start', { mode: 'reply', messageId, language: 'en', quote: ' \n ' });
    expect(whole.text).toContain('> First line');
    await expect(wren.call('compose.start', { mode: 'reply', messageId, quote: 'x'.repeat(200_001) })).rejects.toMatchObject({ code: 'BadRequest' });
  });

  it('forwards inline with the original files staged, and as an attachment with the whole source', async () => {
    const messageId = await messageBySubject('Files');
    const inline = await wren.call('compose.start', { mode: 'forward', messageId, language: 'en' });
    expect(inline.subject).toBe('Fwd: Files');
    expect(inline.inReplyTo).toBeNull();
    expect(inline.text).toContain('---------- Forwarded message ----------');
    expect(inline.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([['report.pdf', 'application/pdf', 16]]);
    expect(wren.core.staging.require(inline.attachments[0]!.stagedId).size).toBe(16);

    const attached = await wren.call('compose.start', { mode: 'forwardAttachment', messageId, language: 'en' });
    expect(attached.attachments).toHaveLength(1);
    expect(attached.attachments[0]).toMatchObject({ filename: 'Files.eml', contentType: 'message/rfc822', size: Buffer.byteLength(ATTACHED) });
    expect(attached.origin).toEqual({ messageId, kind: 'forwardAttachment' });
  });

  it('edits as new: the same recipients, subject, text and files, in a message of its own (no thread, no draft to replace)', async () => {
    const messageId = await messageBySubject('Files');
    const copy = await wren.call('compose.start', { mode: 'editAsNew', messageId, language: 'en' });
    expect(copy).toMatchObject({ subject: 'Files', to: [{ name: '', address: 'bob@example.test' }], cc: [], inReplyTo: null, references: [], draftMessageId: null });
    expect(copy.text.trim()).toBe('See the file.');
    expect(copy.origin).toEqual({ messageId, kind: 'editAsNew' });
    expect(copy.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([['report.pdf', 'application/pdf', 16]]);
    expect(wren.core.staging.require(copy.attachments[0]!.stagedId).size).toBe(16);
    // The original stays as it was, and stays where it was.
    expect(wren.core.store.messages.get(messageId)).toMatchObject({ subject: 'Files' });
  });

  it('starts a new message from the account default identity (its display name and address)', async () => {
    const identities = await wren.call('identities.list', { accountId });
    expect(identities).toEqual([{ id: expect.any(Number), accountId, name: 'Bob B', email: bob().email, replyTo: null, signature: null, isDefault: true }]);
    const fresh = await wren.call('compose.start', { mode: 'new', accountId, language: 'en' });
    expect(fresh).toMatchObject({ accountId, identityId: identities[0]!.id, to: [], subject: '', draftMessageId: null });
  });

  it('answers and forwards from the identity the original was sent to, with its signature, and reply all leaves every own address out', async () => {
    const sales = wren.core.store.write(() =>
      wren.core.store.identities.insert({ accountId, name: 'Bob at Sales', email: 'sales@example.test', replyTo: null, signature: 'Bob, Sales', isDefault: false }),
    );
    try {
      const messageId = await messageBySubject('Order');
      const reply = await wren.call('compose.start', { mode: 'replyAll', messageId, language: 'en' });
      expect(reply.identityId).toBe(sales);
      expect(reply.to.map((a) => a.address)).toEqual(['erin@example.test']);
      expect(reply.cc).toEqual([]);
      expect(reply.text.startsWith('\n\n-- \nBob, Sales\n\nOn ')).toBe(true);
      // A forward too, so a filter's Forward goes out from the address the mail came to.
      const forward = await wren.call('compose.start', { mode: 'forward', messageId, language: 'en' });
      expect(forward.identityId).toBe(sales);
      expect(forward.text.startsWith('\n\n-- \nBob, Sales\n')).toBe(true);
    } finally {
      wren.core.store.db.prepare('DELETE FROM identities WHERE id = ?').run(sales);
    }
  });
});

describe('drafts.save to the Drafts folder', () => {
  it('APPENDs the draft, then replaces it: another session sees one version, the newest, with \\Draft, its Bcc and its priority', async () => {
    const file = await wren.core.staging.stageStream((async function* () { yield Buffer.from('hello attachment'); })());
    const draft: ComposedMessageInput = {
      accountId, to: [{ name: '李四', address: 'lisi@example.test' }], bcc: [{ name: '', address: 'hidden@example.test' }],
      subject: 'Draft one', text: 'first words',
      attachments: [{ stagedId: file.stagedId, filename: '说明.txt', contentType: 'text/plain', size: file.size }],
    };
    const first = await wren.call('drafts.save', draft);
    expect(first.stored).toBe('server');
    let server = await draftsOnServer();
    expect(server.map((m) => m.subject)).toEqual(['Draft one']);
    expect(server[0]!.flags).toEqual(expect.arrayContaining(['\\Draft', '\\Seen']));
    expect(server[0]!.source).toMatch(/^Bcc: hidden@example\.test/m);

    const second = await wren.call('drafts.save', { ...draft, subject: 'Draft two', text: 'more words', priority: 'highest', draftMessageId: first.draftMessageId });
    expect(second.stored).toBe('server');
    expect(second.draftMessageId).not.toBe(first.draftMessageId);
    // The old version goes through the journal: a sync replays it.
    await wren.call('sync.run', { accountId });
    server = await draftsOnServer();
    expect(server.map((m) => m.subject)).toEqual(['Draft two']);
    expect(server[0]!.source).toMatch(/^X-Priority: 1 \(Highest\)/m);
    expect(wren.core.store.messages.get(first.draftMessageId)).toBeUndefined();
    const kept = wren.core.store.messages.get(second.draftMessageId)!;
    expect(kept.uid).toBe(server[0]!.uid);

    // Reopening the draft gives everything back: recipients, Bcc, text, the file.
    const reopened = await wren.call('compose.start', { mode: 'editDraft', messageId: second.draftMessageId, language: 'en' });
    expect(reopened).toMatchObject({ subject: 'Draft two', draftMessageId: second.draftMessageId, to: draft.to, bcc: draft.bcc, priority: 'highest' });
    expect(reopened.text.trim()).toBe('more words');
    expect(reopened.attachments.map((a) => [a.filename, a.size])).toEqual([['说明.txt', 16]]);

    await wren.call('drafts.discard', { draftMessageId: second.draftMessageId });
    await wren.call('sync.run', { accountId });
    expect(await draftsOnServer()).toEqual([]);
  });

  it('refuses to replace a message that is not a draft', async () => {
    const inboxMessage = await messageBySubject('Files');
    await expect(wren.call('drafts.save', { accountId, subject: 'x', draftMessageId: inboxMessage })).rejects.toMatchObject({ code: 'BadRequest' });
    expect(wren.core.store.messages.get(inboxMessage)).toBeDefined();
  });
});

describe('addresses.suggest', () => {
  it('suggests addresses seen in synced mail, Chinese names included, the user itself too', async () => {
    expect((await wren.call('addresses.suggest', { query: '张', limit: 5 })).map((s) => [s.name, s.address])).toEqual([['张三', 'zhang@example.test']]);
    const carol = await wren.call('addresses.suggest', { query: 'car', limit: 5 });
    expect(carol[0]).toMatchObject({ name: 'Carol', address: 'carol@example.test' });
  });

  it('forgets an address on request, whatever its case; a later sync of the same mail does not bring it back', async () => {
    expect(await wren.call('addresses.forget', { address: 'ZHANG@example.test' })).toEqual({ forgotten: true });
    expect(await wren.call('addresses.suggest', { query: '张', limit: 5 })).toEqual([]);
    expect(await wren.call('addresses.forget', { address: 'zhang@example.test' })).toEqual({ forgotten: false });
    await wren.call('sync.run', { accountId });
    expect(await wren.call('addresses.suggest', { query: '张', limit: 5 })).toEqual([]);
  });
});
