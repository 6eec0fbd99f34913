import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../../src-main/ipc/contract';
import { attachmentPart, loadAttachment } from '../../../src-main/messages/attachment-export';
import { startLab, type Lab } from '../../lab/lab';
import { startCore, type TestCore } from '../imap/lab-core';
import { pop3Draft } from '../pop3-sync/pop3-sync-lab';
import { coreFor, onServerById, sendNow, to } from './outbox-lab';

/** The message with this subject as Wren reads it after a check of the account (IMAP sync or POP3 download). */
async function readBack(wren: TestCore, accountId: number, subject: string): Promise<MessageView> {
  await wren.call('sync.run', { accountId });
  const inbox = (await wren.call('folders.list', { accountId })).find((f) => f.role === 'inbox')!;
  const listed = (await wren.call('messages.list', { folderId: inbox.id })).items.find((m) => m.subject === subject);
  expect(listed, `"${subject}" in the Inbox`).toBeDefined();
  return wren.call('messages.read', { messageId: listed!.id });
}

/**
 * Every field a reader sees, without what is the store's own (row ids, IMAP
 * UIDs, flags) and the attachments' sizes: over IMAP the size is estimated
 * from BODYSTRUCTURE's encoded size, from a whole source it is exact (each
 * test checks those itself).
 */
function fieldsOf(view: MessageView) {
  const { id: _id, folderId: _folder, uid: _uid, flags: _flags, seen: _seen, attachments, ...fields } = view;
  return { ...fields, attachments: attachments.map(({ size: _size, ...attachment }) => attachment) };
}

/** An attachment's bytes as Wren gives them to the user (the save/download path). */
async function attachmentBytes(wren: TestCore, messageId: number, partId: string): Promise<Buffer> {
  const record = wren.core.reader.requireMessage(messageId);
  const file = await loadAttachment(wren.core.store, record, attachmentPart(record, partId), wren.core.reader.imapFor(record));
  return readFileSync(wren.core.store.blobs.pathOf(file.blob.blob));
}

describe('sending through the lab SMTP server, read back through IMAP and POP3', () => {
  let lab: Lab;
  let alice: TestCore;
  let aliceId: number;
  let bob: TestCore;
  let bobId: number;
  /** Bob again, a POP3 account on the same mailbox (messages left on the server): the other way Wren reads mail. */
  let bobPop: TestCore;
  let bobPopId: number;
  const email = (i: number) => lab.users[i]!.email;

  beforeAll(async () => {
    lab = await startLab();
    ({ wren: alice, accountId: aliceId } = await coreFor(lab, 0, { displayName: '爱丽丝 Alice' }));
    ({ wren: bob, accountId: bobId } = await coreFor(lab, 1));
    bobPop = startCore();
    bobPopId = (await bobPop.call('accounts.add', pop3Draft(lab, lab.users[1]!))).id;
  }, 60_000);
  afterAll(async () => {
    await alice?.dispose();
    await bob?.dispose();
    await bobPop?.dispose();
    await lab?.stop();
  });

  it('round trip: CJK subject, names and file names, HTML with an inline image, a dot line, a 1,000-char line; Bcc nowhere in headers', async () => {
    const staging = alice.core.staging;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const image = await staging.stageStream(Readable.from([png]));
    const file = await staging.stageStream(Readable.from([Buffer.from('第一行\n二行目\n')]));
    const longLine = 'あ'.repeat(200) + 'x'.repeat(800);
    const entry = await sendNow(alice, {
      accountId: aliceId,
      to: [{ name: '鮑勃・ボブ', address: email(1) }],
      bcc: [{ name: 'Carol Hidden', address: email(2) }],
      subject: '季度报告：第三季度の会議 — résumé',
      text: `.starts with a dot\n..two dots\n${longLine}\nend`,
      html: `<p>你好 <b>Bob</b></p><p>.dot</p><img src="cid:logo@wren">`,
      attachments: [
        { stagedId: image.stagedId, filename: 'logo.png', contentType: 'image/png', size: png.length, contentId: 'logo@wren' },
        { stagedId: file.stagedId, filename: '会議メモ 报告.txt', contentType: 'text/plain', size: file.size },
      ],
    });
    expect(entry.state).toBe('sent');
    expect(entry.refused).toEqual([]);

    // Bob reads it with Wren over IMAP: every field as written.
    const read = await readBack(bob, bobId, '季度报告：第三季度の会議 — résumé');
    expect(read.messageId).toBe(entry.messageId);
    expect(read.from).toEqual({ name: '爱丽丝 Alice', address: email(0) });
    expect(read.to).toEqual([{ name: '鮑勃・ボブ', address: email(1) }]);
    expect(read.cc).toEqual([]);
    expect(read.text).toBe(`.starts with a dot\n..two dots\n${longLine}\nend`);
    expect(read.html).toContain('你好 <b>Bob</b>');
    expect(read.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual(
      expect.arrayContaining([['会議メモ 报告.txt', 'text/plain', file.size]]),
    );
    // Wren shows the inline image in place (as a data: URL in the sanitized HTML), not as an attachment.
    expect(read.html).toContain(`data:image/png;base64,${png.toString('base64')}`);
    expect(read.attachments.map((a) => a.filename)).toEqual(['会議メモ 报告.txt']);
    expect((await attachmentBytes(bob, read.id, read.attachments[0]!.partId)).toString()).toBe('第一行\n二行目\n');

    // And over POP3 (Dovecot's, the same mailbox): equal in every field.
    const popped = await readBack(bobPop, bobPopId, '季度报告：第三季度の会議 — résumé');
    expect(fieldsOf(popped)).toEqual(fieldsOf(read));
    expect(popped.attachments.map((a) => a.size)).toEqual([file.size]);
    expect((await attachmentBytes(bobPop, popped.id, popped.attachments[0]!.partId)).toString()).toBe('第一行\n二行目\n');

    const [delivered] = await onServerById(lab, email(1), 'INBOX', entry.messageId);
    expect(delivered!.parsed.text).toBe(`.starts with a dot\n..two dots\n${longLine}\nend`);
    expect(delivered!.source.toString('latin1')).not.toMatch(/^bcc:/im);
    expect(delivered!.source.toString('latin1')).not.toContain(email(2));
    expect([...delivered!.source].every((byte) => byte < 0x80)).toBe(true);

    // Carol (Bcc) got it; the Sent copy is there once, without Bcc.
    expect(await onServerById(lab, email(2), 'INBOX', entry.messageId)).toHaveLength(1);
    const sent = await onServerById(lab, email(0), 'Sent', entry.messageId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.source.toString('latin1')).not.toMatch(/^bcc:/im);
    expect(sent[0]!.source.toString('latin1')).not.toContain(email(2));
    expect(await alice.call('outbox.list', {})).toEqual(expect.arrayContaining([expect.objectContaining({ id: entry.id, state: 'sent' })]));
  }, 60_000);

  it('a 20 MB attachment arrives byte for byte', async () => {
    const chunk = Buffer.alloc(1024 * 1024);
    const hash = createHash('sha256');
    const chunks = Array.from({ length: 20 }, (_, i) => {
      const c = Buffer.from(chunk.map((_, j) => (i * 31 + j * 7) & 0xff));
      hash.update(c);
      return c;
    });
    const staged = await alice.core.staging.stageStream(Readable.from(chunks));
    const entry = await sendNow(alice, {
      accountId: aliceId,
      to: to(email(1)),
      subject: 'Big one',
      text: 'see attached',
      attachments: [{ stagedId: staged.stagedId, filename: 'big.bin', contentType: 'application/octet-stream', size: staged.size }],
    });
    expect(entry.state).toBe('sent');
    const sha256 = hash.digest('hex');
    const [delivered] = await onServerById(lab, email(1), 'INBOX', entry.messageId);
    const attachment = delivered!.parsed.attachments[0]!;
    expect(attachment.filename).toBe('big.bin');
    expect(createHash('sha256').update(attachment.content).digest('hex')).toBe(sha256);
    // Wren reads it back over IMAP and over POP3 alike: the same fields, the same bytes.
    const read = await readBack(bob, bobId, 'Big one');
    const popped = await readBack(bobPop, bobPopId, 'Big one');
    expect(read.text).toBe('see attached');
    expect(popped.text).toBe('see attached');
    expect(fieldsOf(popped)).toEqual(fieldsOf(read));
    expect(read.attachments.map((a) => [a.filename, a.contentType])).toEqual([['big.bin', 'application/octet-stream']]);
    expect(popped.attachments.map((a) => a.size)).toEqual([20 * 1024 * 1024]);
    for (const [wren, view] of [[bob, read], [bobPop, popped]] as const) {
      const bytes = await attachmentBytes(wren, view.id, view.attachments[0]!.partId);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    }
    expect(await onServerById(lab, email(0), 'Sent', entry.messageId)).toHaveLength(1);
  }, 120_000);

  it('undo takes the message back before anything reaches the server', async () => {
    const entry = await alice.call('outbox.send', { message: { accountId: aliceId, to: to(email(1)), subject: 'Undone', text: 'never sent' }, undoSeconds: 2 });
    expect(entry.state).toBe('waiting');
    const { message } = await alice.call('outbox.cancel', { outboxId: entry.id });
    expect(message).toMatchObject({ subject: 'Undone', text: 'never sent', to: [{ address: email(1) }] });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await onServerById(lab, email(1), 'INBOX', entry.messageId)).toEqual([]);
    expect(await onServerById(lab, email(0), 'Sent', entry.messageId)).toEqual([]);
    expect((await alice.call('outbox.list', {})).some((e) => e.id === entry.id)).toBe(false);
  }, 30_000);

  it('a reply marks the original \\Answered through the journal once it is sent', async () => {
    const first = await sendNow(bob, { accountId: bobId, to: to(email(0)), subject: 'Question', text: 'well?' });
    await alice.call('sync.run', { accountId: aliceId });
    const inbox = (await alice.call('folders.list', { accountId: aliceId })).find((f) => f.role === 'inbox')!;
    const original = (await alice.call('messages.list', { folderId: inbox.id })).items.find((m) => m.subject === 'Question')!;
    const reply = await sendNow(alice, {
      accountId: aliceId,
      to: to(email(1)),
      subject: 'Re: Question',
      text: 'yes',
      inReplyTo: first.messageId,
      references: [first.messageId],
      origin: { messageId: original.id, kind: 'reply' },
    });
    expect(reply.state).toBe('sent');
    expect((await alice.call('messages.summary', { messageId: original.id })).answered).toBe(true);
    await alice.call('sync.run', { accountId: aliceId });
    const [onServer] = await onServerById(lab, email(0), 'INBOX', first.messageId);
    expect(onServer).toBeDefined();
    const [delivered] = await onServerById(lab, email(1), 'INBOX', reply.messageId);
    expect(delivered!.parsed.inReplyTo).toBe(first.messageId);
  }, 60_000);

  it('an account without the user\'s name sends from the bare address: the account\'s own name, a label, never leaves', async () => {
    await bob.call('accounts.update', { accountId: bobId, name: '工作邮箱' });
    const sent = await sendNow(bob, { accountId: bobId, to: to(email(0)), subject: 'From whom', text: 'me' });
    expect(sent.state).toBe('sent');
    const [delivered] = await onServerById(lab, email(0), 'INBOX', sent.messageId);
    expect(delivered!.source.toString('latin1')).toMatch(new RegExp(`^From: ${email(1).replace(/[.]/g, '\\.')}\\r$`, 'm'));
    expect(delivered!.parsed.from!.value).toEqual([{ name: '', address: email(1) }]);
    // Giving a name later: the identity follows it.
    await bob.call('accounts.update', { accountId: bobId, displayName: '王芳' });
    expect((await bob.call('identities.list', { accountId: bobId })).map((identity) => identity.name)).toEqual(['王芳']);
  }, 60_000);

  it('the draft a sent message continued is deleted for good, through the journal', async () => {
    await lab.seed(email(0), 'Drafts', ['From: a@example.test\r\nTo: b@example.test\r\nSubject: Draft to send\r\nMessage-ID: <draft-1@example.test>\r\n\r\nhalf written\r\n']);
    await alice.call('sync.run', { accountId: aliceId });
    const drafts = (await alice.call('folders.list', { accountId: aliceId })).find((f) => f.role === 'drafts')!;
    const draft = (await alice.call('messages.list', { folderId: drafts.id })).items.find((m) => m.subject === 'Draft to send')!;
    const sent = await sendNow(alice, { accountId: aliceId, to: to(email(1)), subject: 'Draft to send', text: 'done', draftMessageId: draft.id });
    expect(sent.state).toBe('sent');
    expect((await alice.call('messages.list', { folderId: drafts.id })).items.some((m) => m.id === draft.id)).toBe(false);
    await alice.call('sync.run', { accountId: aliceId });
    expect(await onServerById(lab, email(0), 'Drafts', '<draft-1@example.test>')).toEqual([]);
  }, 60_000);

  it('an account whose server already files sent mail gets no second copy', async () => {
    // The server "files" it: the copy is in Sent before Wren looks.
    const entry = await alice.call('outbox.send', { message: { accountId: aliceId, to: to(email(1)), subject: 'Filed by server', text: 'x' }, undoSeconds: 5 });
    const record = alice.core.store.outbox.get(entry.id)!;
    // The message as stored: kept in the database beside its row (a small one), or in its blob file.
    const stored = alice.core.store.outbox.source(record.id) ?? readFileSync(alice.core.store.blobs.pathOf(record.blob));
    await lab.seed(email(0), 'Sent', [stored]);
    const [settled] = await alice.call('outbox.wait', { outboxIds: [entry.id] });
    expect(settled!.state).toBe('sent');
    expect(await onServerById(lab, email(0), 'Sent', entry.messageId)).toHaveLength(1);
    // Turned off in the account's one setting, where the Settings screen shows it.
    expect((await alice.call('settings.get', {})).settings.accounts[String(aliceId)]?.saveSentCopy).toBe(false);
    await alice.call('settings.update', { accounts: { [String(aliceId)]: { saveSentCopy: true } } });
  }, 30_000);
});
