import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { MessageEnvelopeObject } from 'imapflow';
import { parser } from 'imapflow/lib/handler/imap-handler';
import { parseEnvelope } from 'imapflow/lib/tools';
import { fromImapEnvelope, repairMojibake } from '../../../src-main/mime/envelope';

/** Runs an ENVELOPE through imapflow's own parser, bytes as a server would send them. */
async function imapEnvelope(envelope: Buffer): Promise<MessageEnvelopeObject> {
  const line = Buffer.concat([Buffer.from('* 1 FETCH (ENVELOPE '), envelope, Buffer.from(')')]);
  const response = await parser(line);
  const attributes = response.attributes as unknown as [unknown, unknown[]];
  return parseEnvelope(attributes[1][1] as never);
}

const ENVELOPE = Buffer.from(
  '("Mon, 02 Jun 2025 09:30:00 +0000" "=?GBK?B?u+HS6c2o1qqjusP3zOzPws7nyP2147+qu+E=?=" ' +
    '(("=?GBK?B?1cXOsA==?=" NIL "zhangwei" "example.test")) NIL NIL ' +
    '(("Bob Example" NIL "bob" "example.test")) (("Carol" NIL "carol" "example.test")) NIL ' +
    '"<parent@example.test>" "<gbk@example.test>")',
);

describe('fromImapEnvelope', () => {
  it('builds the header record from ENVELOPE, FLAGS, SIZE, INTERNALDATE and BODYSTRUCTURE', async () => {
    const record = fromImapEnvelope({
      uid: 42,
      envelope: await imapEnvelope(ENVELOPE),
      internalDate: new Date('2025-06-02T09:31:00Z'),
      size: 2048,
      flags: new Set(['\\Seen', '$Important']),
      modseq: 77n,
      bodyStructure: {
        type: 'multipart/mixed',
        childNodes: [
          { part: '1', type: 'text/plain', parameters: { charset: 'gbk' }, encoding: 'base64', size: 100 },
          { part: '2', type: 'application/pdf', encoding: 'base64', size: 452, disposition: 'attachment', dispositionParameters: { filename: '报告.pdf' } },
        ],
      },
    });
    expect(record).toMatchObject({
      uid: 42, uidl: null,
      subject: '会议通知：明天下午三点开会',
      from: { name: '张伟', address: 'zhangwei@example.test' },
      to: [{ name: 'Bob Example', address: 'bob@example.test' }],
      cc: [{ name: 'Carol', address: 'carol@example.test' }],
      date: Date.parse('2025-06-02T09:30:00Z'),
      internalDate: Date.parse('2025-06-02T09:31:00Z'),
      messageId: '<gbk@example.test>', inReplyTo: '<parent@example.test>',
      size: 2048, flags: ['\\Seen', '$Important'], hasAttachments: true, modseq: 77,
    });
    expect(record.structure?.children?.[1]?.filename).toBe('报告.pdf');
  });

  it('gives date null without a Date header, so the list falls back to internalDate', () => {
    const record = fromImapEnvelope({ uid: 1, envelope: { subject: 'x' }, internalDate: '2-Jun-2025 09:31:00 +0000' });
    expect(record.date).toBeNull();
    expect(record.internalDate).toBe(Date.parse('2025-06-02T09:31:00Z'));
    expect(record.from).toEqual({ name: '', address: '' });
    expect(record.hasAttachments).toBe(false);
    expect(record.structure).toBeNull();
  });

  it('loses raw 8-bit GBK in ENVELOPE (imapflow reads it as UTF-8) and recovers it from fetched header bytes', async () => {
    const subject = iconv.encode('原始GBK主题', 'gbk');
    const envelope = Buffer.concat([Buffer.from('(NIL "'), subject, Buffer.from('" NIL NIL NIL NIL NIL NIL NIL NIL)')]);
    const parsed = await imapEnvelope(envelope);
    expect(parsed.subject).toContain('\ufffd');
    const headers = Buffer.concat([
      Buffer.from('Subject: '), subject, Buffer.from('\r\nFrom: '), iconv.encode('张伟', 'gbk'), Buffer.from(' <z@example.test>\r\n\r\n'),
    ]);
    const record = fromImapEnvelope({ uid: 7, envelope: parsed, headers });
    expect(record.subject).toBe('原始GBK主题');
    expect(record.from).toEqual({ name: '张伟', address: 'z@example.test' });
  });

  it('reads a raw 8-bit Shift_JIS subject of a multipart message in the charset of its text part, not as GB18030', () => {
    const headers = Buffer.concat([Buffer.from('Subject: '), iconv.encode('会議のお知らせ', 'shift_jis'), Buffer.from('\r\n\r\n')]);
    const record = fromImapEnvelope({
      uid: 9,
      headers,
      bodyStructure: {
        type: 'multipart/alternative',
        childNodes: [
          { part: '1', type: 'text/plain', parameters: { charset: 'Shift_JIS' }, encoding: '8bit', size: 10 },
          { part: '2', type: 'text/html', parameters: { charset: 'Shift_JIS' }, encoding: '8bit', size: 20 },
        ],
      },
    });
    expect(record.subject).toBe('会議のお知らせ');
  });

  it('reads a header sync\'s row (raw header fields, no ENVELOPE) from its header bytes alone, a missing field as empty', () => {
    const headers = Buffer.from(
      'Subject: =?UTF-8?B?5L2g5aW9?= report\r\nSender: Desk <desk@example.test>\r\nTo: Bob <bob@example.test>, carol@example.test\r\n\r\n',
    );
    const record = fromImapEnvelope({ uid: 3, headers, internalDate: '2-Jun-2025 09:31:00 +0000' });
    expect(record).toMatchObject({
      subject: '你好 report',
      // No From: the Sender stands in, as with an ENVELOPE.
      from: { name: 'Desk', address: 'desk@example.test' },
      to: [{ name: 'Bob', address: 'bob@example.test' }, { name: '', address: 'carol@example.test' }],
      cc: [],
      date: null,
      messageId: null,
      inReplyTo: null,
      threadRoot: null,
    });
    // The same as the empty envelope's fields with the raw ones laid over them (the way with an ENVELOPE).
    const overlaid = fromImapEnvelope({ uid: 3, headers, internalDate: '2-Jun-2025 09:31:00 +0000', envelope: {} });
    expect(record).toEqual(overlaid);
  });

  it('reads the thread root from fetched References, with or without an ENVELOPE (which has none)', () => {
    const headers = Buffer.from('Message-ID: <c@x>\r\nIn-Reply-To: <b@x>\r\nReferences: <a@x>\r\n <b@x>\r\n\r\n');
    expect(fromImapEnvelope({ uid: 4, headers })).toMatchObject({ messageId: '<c@x>', inReplyTo: '<b@x>', threadRoot: '<a@x>' });
    expect(fromImapEnvelope({ uid: 4, headers, envelope: { messageId: '<c@x>', inReplyTo: '<b@x>' } }).threadRoot).toBe('<a@x>');
    expect(fromImapEnvelope({ uid: 4, envelope: { messageId: '<c@x>', inReplyTo: '<b@x>' } }).threadRoot).toBeNull();
  });

  it('keeps broken encoded words readable when the raw header bytes are fetched', () => {
    const headers = Buffer.from('Subject: =?UTF-8?B?not-base64!!?= and =?utf-8?q?abc\r\n\r\n');
    const record = fromImapEnvelope({ uid: 8, envelope: { subject: 'garbage from libmime' }, headers });
    expect(record.subject).toBe('=?UTF-8?B?not-base64!!?= and =?utf-8?q?abc');
  });

  it('does not count a cid image of an HTML body as an attachment', () => {
    const record = fromImapEnvelope({
      uid: 9,
      bodyStructure: {
        type: 'multipart/related',
        childNodes: [
          { part: '1', type: 'text/html', size: 10 },
          { part: '2', type: 'image/png', id: '<logo@x>', disposition: 'inline', dispositionParameters: { filename: 'logo.png' }, size: 96 },
        ],
      },
    });
    expect(record.hasAttachments).toBe(false);
  });
});

describe('repairMojibake', () => {
  it('re-reads UTF-8 that was decoded as Latin-1', () => {
    expect(repairMojibake(Buffer.from('你好, café', 'utf8').toString('latin1'))).toBe('你好, café');
  });

  it('leaves real Latin-1 and other text alone', () => {
    expect(repairMojibake('Müller café')).toBe('Müller café');
    expect(repairMojibake('会议通知')).toBe('会议通知');
  });
});
