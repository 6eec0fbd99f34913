import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById, sendNow, to } from './outbox-lab';

describe('sending through the lab SMTP server, read back through IMAP', () => {
  let lab: Lab;
  let alice: TestCore;
  let aliceId: number;
  let bob: TestCore;
  let bobId: number;
  const email = (i: number) => lab.users[i]!.email;

  beforeAll(async () => {
    lab = await startLab();
    ({ wren: alice, accountId: aliceId } = await coreFor(lab, 0, { displayName: '爱丽丝 Alice' }));
    ({ wren: bob, accountId: bobId } = await coreFor(lab, 1));
  }, 60_000);
  afterAll(async () => {
    await alice?.dispose();
    await bob?.dispose();
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

    // Bob reads it with Wren: every field as written.
    await bob.call('sync.run', { accountId: bobId });
    const inbox = (await bob.call('folders.list', { accountId: bobId })).find((f) => f.role === 'inbox')!;
    const listed = (await bob.call('messages.list', { folderId: inbox.id })).items.find((m) => m.subject === '季度报告：第三季度の会議 — résumé');
    expect(listed).toBeDefined();
    const read = await bob.call('messages.read', { messageId: listed!.id });
    expect(read.messageId).toBe(entry.messageId);
    expect(read.from).toEqual({ name: '爱丽丝 Alice', address: email(0) });
    expect(read.to).toEqual([{ name: '鮑勃・ボブ', address: email(1) }]);
    expect(read.cc).toEqual([]);
    expect(read.html).toContain('你好 <b>Bob</b>');
    expect(read.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual(
      expect.arrayContaining([['会議メモ 报告.txt', 'text/plain', file.size]]),
    );
    // Wren shows the inline image in place (as a data: URL in the sanitized HTML), not as an attachment.
    expect(read.html).toContain(`data:image/png;base64,${png.toString('base64')}`);
    expect(read.attachments.map((a) => a.filename)).toEqual(['会議メモ 报告.txt']);

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
    const [delivered] = await onServerById(lab, email(1), 'INBOX', entry.messageId);
    const attachment = delivered!.parsed.attachments[0]!;
    expect(attachment.filename).toBe('big.bin');
    expect(createHash('sha256').update(attachment.content).digest('hex')).toBe(hash.digest('hex'));
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
    await lab.seed(email(0), 'Sent', [readFileSync(alice.core.store.blobs.pathOf(record.blob))]);
    const [settled] = await alice.call('outbox.wait', { outboxIds: [entry.id] });
    expect(settled!.state).toBe('sent');
    expect(await onServerById(lab, email(0), 'Sent', entry.messageId)).toHaveLength(1);
    // Turned off in the account's one setting, where the Settings screen shows it.
    expect((await alice.call('settings.get', {})).settings.accounts[String(aliceId)]?.saveSentCopy).toBe(false);
    await alice.call('settings.update', { accounts: { [String(aliceId)]: { saveSentCopy: true } } });
  }, 30_000);
});
