import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComposedMessage } from '../../../src-main/ipc/compose-shapes';
import type { SendPriority } from '../../../src-main/ipc/contract-constants';
import { AttachmentStaging } from '../../../src-main/outbox/attachment-staging';
import { buildMessage } from '../../../src-main/outbox/build-message';
import { prepareRawMessage } from '../../../src-main/outbox/raw-message';

let dir: string;
let staging: AttachmentStaging;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wren-build-'));
  staging = new AttachmentStaging(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const from = { name: '王小明', address: 'me@example.com', replyTo: null };

describe('buildMessage', () => {
  it('writes the priority asked for, Thunderbird\'s five levels (X-Priority; X-MSMail-Priority and Importance), and none for normal', async () => {
    const built = (priority: SendPriority) =>
      text(buildMessage({ composed: ComposedMessage.parse({ accountId: 1, to: [{ address: 'a@example.com' }], subject: 's', text: 't', priority }), from, messageId: '<p@example.com>', date: new Date(0), staging }).stream());
    const highest = await built('highest');
    expect(highest).toMatch(/^X-Priority: 1 \(Highest\)\r$/m);
    expect(highest).toMatch(/^Importance: High\r$/m);
    const high = await built('high');
    expect(high).toMatch(/^X-Priority: 2 \(High\)\r$/m);
    expect(high).toMatch(/^Importance: High\r$/m);
    expect(await built('low')).toMatch(/^X-Priority: 4 \(Low\)\r$/m);
    const lowest = await built('lowest');
    expect(lowest).toMatch(/^X-Priority: 5 \(Lowest\)\r$/m);
    expect(lowest).toMatch(/^X-MSMail-Priority: Low\r$/im);
    expect(await built('normal')).not.toMatch(/^(X-Priority|Importance):/im);
  });

  it('puts an empty text part before a lone file when there are no words (forward as attachment): multipart/mixed, never the file as the message', async () => {
    const file = join(dir, 'fwd.eml');
    writeFileSync(file, Buffer.from('Subject: Lunch\r\nFrom: a@example.com\r\n\r\nSee you\r\n'));
    const staged = await staging.stageFile(file);
    const composed = ComposedMessage.parse({
      accountId: 1, to: [{ address: 'b@example.com' }], subject: 'Fwd: Lunch', text: '',
      attachments: [{ stagedId: staged.stagedId, filename: 'Lunch.eml', contentType: 'message/rfc822', size: 41 }],
    });
    const raw = await text(buildMessage({ composed, from, messageId: '<fwd@example.com>', date: new Date(0), staging }).stream());
    expect(raw).toMatch(/^Content-Type: multipart\/mixed;/m);
    // An attachment, as Thunderbird forwards one (nodemailer would make a message/rfc822 inline).
    expect(raw).toMatch(/^Content-Disposition: attachment; filename=Lunch\.eml\r$/m);
    const parsed = await simpleParser(raw);
    expect(parsed.attachments.map((attachment) => [attachment.contentType, attachment.filename])).toEqual([['message/rfc822', 'Lunch.eml']]);
  });

  it('writes 7-bit MIME with encoded headers, RFC 2231 file names, and no Bcc header', async () => {
    const file = join(dir, 'in.bin');
    writeFileSync(file, Buffer.from('hello'));
    const staged = await staging.stageFile(file);
    const composed = ComposedMessage.parse({
      accountId: 1,
      to: [{ name: '山田太郎', address: 'taro@example.jp' }],
      bcc: [{ name: 'Secret', address: 'hidden@example.com' }],
      subject: '会议纪要 – 日本語の件名',
      text: `.a line starting with a dot\n${'x'.repeat(1000)}\n`,
      attachments: [{ stagedId: staged.stagedId, filename: '报告 2026.pdf', contentType: 'application/pdf', size: 5 }],
    });
    const built = buildMessage({ composed, from, messageId: '<id1@example.com>', date: new Date(0), staging });
    const raw = await text(built.stream());
    expect(raw).toMatch(/^[\x20-\x7e\r\n\t]*$/); // 7-bit
    expect(raw).not.toMatch(/(?<!\r)\n|\r(?!\n)/); // CRLF only, though the text came with bare LFs
    expect(raw).not.toMatch(/^bcc:/im);
    expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    expect(built.envelope.to).toEqual(['taro@example.jp', 'hidden@example.com']);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('会议纪要 – 日本語の件名');
    expect(parsed.messageId).toBe('<id1@example.com>');
    expect(parsed.text).toContain('x'.repeat(1000));
    expect(parsed.text?.startsWith('.a line')).toBe(true);
    expect(parsed.attachments[0]?.filename).toBe('报告 2026.pdf');
    expect(parsed.attachments[0]?.content.toString()).toBe('hello');
    expect(parsed.bcc).toBeUndefined();
  });

  it('asks for a return receipt at the From address only when the composer did', async () => {
    const header = async (requestReceipt: boolean) => {
      const composed = ComposedMessage.parse({ accountId: 1, to: [{ name: '', address: 'b@example.com' }], subject: 's', text: 't', requestReceipt });
      const raw = await text(buildMessage({ composed, from, messageId: '<r@example.com>', date: new Date(0), staging }).stream());
      return (await simpleParser(raw)).headers.get('disposition-notification-to');
    };
    expect(await header(true)).toMatchObject({ value: [{ address: 'me@example.com' }] });
    expect(await header(false)).toBeUndefined();
  });

  it('gives HTML mail a plain-text alternative and its inline images by cid', async () => {
    const staged = await staging.stageStream(Readable.from([Buffer.from([0x89, 0x50, 0x4e, 0x47])]));
    const composed = ComposedMessage.parse({
      accountId: 1,
      to: [{ name: '', address: 'a@example.com' }],
      html: '<p>Hello <b>world</b></p>\n<img src="cid:logo@wren">\n',
      attachments: [{ stagedId: staged.stagedId, filename: 'logo.png', contentType: 'image/png', size: 4, contentId: 'logo@wren' }],
    });
    const raw = await text(buildMessage({ composed, from, messageId: '<id2@example.com>', date: new Date(), staging }).stream());
    expect(raw).toMatch(/multipart\/alternative/);
    expect(raw).toMatch(/multipart\/related/);
    expect(raw).not.toMatch(/(?<!\r)\n|\r(?!\n)/);
    const parsed = await simpleParser(raw);
    expect(parsed.text?.trim()).toBe('Hello world');
    expect(parsed.attachments[0]?.cid).toBe('logo@wren');
  });
});

describe('the composer shapes refuse header injection', () => {
  it.each([
    { subject: 'Hi\r\nBcc: victim@example.com' },
    { to: [{ name: 'A\nBcc: x@example.com', address: 'a@example.com' }] },
    { to: [{ name: 'A', address: 'a@example.com\r\nBcc: x@example.com' }] },
  ])('%o', (fields) => {
    expect(ComposedMessage.safeParse({ accountId: 1, ...fields }).success).toBe(false);
  });
});

describe('prepareRawMessage (sendmail -t)', () => {
  it('takes recipients from To, Cc and Bcc, removes Bcc and adds a Message-ID', async () => {
    const eml = 'From: me@example.com\nTo: a@example.com\nCc: "B" <b@example.com>\nBcc: c@example.com,\n d@example.com\nSubject: hi\n\nbody\n';
    const built = await prepareRawMessage(Readable.from([Buffer.from(eml)]), 'fallback@example.com');
    expect(built.envelope).toEqual({ from: 'me@example.com', to: ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com'] });
    const out = await text(built.stream());
    expect(out).toContain(`Message-ID: ${built.messageId}`);
    // The random Message-ID may hold "bcc" or end in "d" before "@example.com": it is left out of the check.
    const withoutId = out.replace(`Message-ID: ${built.messageId}`, '');
    expect(withoutId).not.toMatch(/bcc|[cd]@example/i);
    expect(out.endsWith('\n\nbody\n')).toBe(true);
  });
});
