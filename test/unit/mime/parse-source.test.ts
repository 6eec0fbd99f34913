import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseSource as codedParse, type AttachmentMeta } from '../../../src-main/mime/parse-source';
import { FIXTURES, readFixture, type FixtureName } from '../../lab/fixtures';
import { inEnglish } from './english-warnings';

const parseSource = async (...args: Parameters<typeof codedParse>) => inEnglish(await codedParse(...args));

const names = Object.keys(FIXTURES) as FixtureName[];

describe('parseSource on the shared fixtures', () => {
  it.each(names)('%s decodes to the expected values', async (name) => {
    const expected = FIXTURES[name];
    const parsed = await parseSource(readFixture(name));
    expect(parsed.subject).toBe(expected.subject);
    expect(parsed.from).toEqual({ name: expected.fromName, address: expected.fromAddress });
    expect(parsed.date).toBe(expected.date === null ? null : Date.parse(expected.date));
    if (name === 'invalid-base64.eml') {
      expect(parsed.text?.startsWith('Hello, world!\n')).toBe(true);
      expect(parsed.text?.endsWith('The end.\n')).toBe(true);
    } else {
      expect(parsed.text).toBe(expected.text);
    }
    if (expected.htmlContains) expect(parsed.html).toContain(expected.htmlContains);
    expect(parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, inline: a.inline, contentId: a.contentId })))
      .toEqual(expected.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, inline: a.disposition === 'inline', contentId: a.contentId ?? null })));
    if (!expected.malformed) expect(parsed.warnings).toEqual([]);
  });

  it('warns about each malformed fixture in words a person can read', async () => {
    const warnings = async (name: FixtureName) => (await parseSource(readFixture(name))).warnings;
    expect(await warnings('no-date.eml')).toEqual(['no Date header, sorted by arrival time']);
    expect(await warnings('invalid-base64.eml')).toEqual(['part 1: invalid base64, skipped 31 characters']);
    expect(await warnings('unterminated-multipart.eml')).toEqual(['message: multipart never closed (no final boundary), parsed to the end of the message']);
    expect(await warnings('eight-bit-header-gbk.eml')).toEqual(['subject: raw 8-bit bytes decoded as GB18030']);
    expect(await warnings('broken-encoded-word.eml')).toEqual([
      'subject: broken encoded word =?UTF-8?B?not-base64!!?= shown as is',
      'subject: unterminated encoded word shown as is',
      'from: invalid escape in encoded word =?UTF-8?Q?Broken_=ZZ_Name?=, kept as is',
    ]);
  });

  it('reads the same result from a stream as from a buffer', async () => {
    const buffer = readFixture('attachment-pdf.eml');
    const chunks = Array.from({ length: Math.ceil(buffer.length / 7) }, (_, i) => buffer.subarray(i * 7, i * 7 + 7));
    expect(await parseSource(Readable.from(chunks))).toEqual(await parseSource(buffer));
  });
});

function message(...lines: Array<string | Buffer>): Buffer {
  return Buffer.concat(lines.map((l) => Buffer.concat([Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from('\r\n')])));
}

describe('parseSource attachments', () => {
  const pdf = Buffer.from('%PDF-1.4 tiny');
  const withAttachment = message(
    'From: a@example.test', 'Subject: files', 'Content-Type: multipart/mixed; boundary="b"', '',
    '--b', 'Content-Type: text/plain; charset=utf-8', '', 'See attached.',
    '--b', 'Content-Type: application/pdf', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="a.pdf"', '',
    pdf.toString('base64'),
    '--b--',
  );

  it('streams each attachment to onAttachment and reports size and SHA-256', async () => {
    const seen: Array<{ meta: AttachmentMeta; data: Buffer }> = [];
    const parsed = await parseSource(withAttachment, {
      onAttachment: async (meta, content) => {
        const chunks: Buffer[] = [];
        for await (const chunk of content) chunks.push(chunk as Buffer);
        seen.push({ meta, data: Buffer.concat(chunks) });
      },
    });
    expect(seen).toEqual([{ meta: { partId: '2', filename: 'a.pdf', contentType: 'application/pdf', contentId: null, inline: false }, data: pdf }]);
    expect(parsed.attachments).toEqual([
      { partId: '2', filename: 'a.pdf', contentType: 'application/pdf', contentId: null, inline: false, size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') },
    ]);
    expect(parsed.text).toBe('See attached.');
  });

  it('drains an attachment the callback does not read, instead of hanging', async () => {
    const parsed = await parseSource(withAttachment, { onAttachment: () => undefined });
    expect(parsed.attachments[0]?.size).toBe(pdf.length);
  });

  it('turns a failing callback into a warning', async () => {
    const parsed = await parseSource(withAttachment, {
      onAttachment: async () => {
        throw new Error('disk full');
      },
    });
    expect(parsed.warnings).toContain('part 2: attachment not stored: disk full');
    expect(parsed.attachments[0]?.size).toBe(pdf.length);
    expect(parsed.text).toBe('See attached.');
  });

  it('reads a raw 8-bit GBK file name', async () => {
    const raw = message(
      'Subject: x', 'Content-Type: multipart/mixed; boundary="b"', '',
      '--b', 'Content-Type: text/plain', '', 'body',
      '--b', Buffer.concat([Buffer.from('Content-Disposition: attachment; filename="'), iconv.encode('报告.pdf', 'gbk'), Buffer.from('"')]), '', 'data',
      '--b--',
    );
    const parsed = await parseSource(raw);
    expect(parsed.attachments[0]?.filename).toBe('报告.pdf');
    expect(parsed.warnings).toContain('part 2: file name: raw 8-bit bytes decoded as GB18030');
  });

  it('reads a raw 8-bit EUC-JP subject of a multipart message in the charset of its first text part', async () => {
    const raw = message(
      Buffer.concat([Buffer.from('Subject: '), iconv.encode('会議のお知らせ', 'euc-jp')]), 'Content-Type: multipart/mixed; boundary="b"', '',
      '--b', 'Content-Type: text/plain; charset=EUC-JP', 'Content-Transfer-Encoding: 8bit', '', iconv.encode('本文です', 'euc-jp'),
      '--b--',
    );
    const parsed = await parseSource(raw);
    expect(parsed.subject).toBe('会議のお知らせ');
    expect(parsed.warnings).toContain('subject: raw 8-bit bytes decoded as EUC-JP');
  });

  it('reads GB18030-only characters in a gb2312-labelled file name, encoded word or RFC 2231 continuation', async () => {
    const name = iconv.encode('𠀀镕报告.pdf', 'gb18030');
    const pct = (bytes: Buffer) => [...bytes].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    const raw = message(
      'Subject: x', 'Content-Type: multipart/mixed; boundary="b"', '',
      '--b', 'Content-Type: text/plain', '', 'body',
      '--b', `Content-Type: application/pdf; name="=?gb2312?B?${name.toString('base64')}?="`, '', 'data',
      '--b', 'Content-Type: application/pdf', `Content-Disposition: attachment; filename*0*=gb2312''${pct(name.subarray(0, 3))};`,
      ` filename*1*=${pct(name.subarray(3))}`, '', 'data',
      '--b--',
    );
    expect((await parseSource(raw)).attachments.map((a) => a.filename)).toEqual(['𠀀镕报告.pdf', '𠀀镕报告.pdf']);
  });

  it('keeps an RFC 2231 Latin-1 file name as declared', async () => {
    const raw = message(
      'Subject: x', 'Content-Type: multipart/mixed; boundary="b"', '',
      '--b', 'Content-Type: text/plain', '', 'body',
      '--b', "Content-Disposition: attachment; filename*=iso-8859-1''M%FCller.pdf", '', 'data',
      '--b--',
    );
    expect((await parseSource(raw)).attachments[0]?.filename).toBe('Müller.pdf');
  });
});

describe('parseSource embedInlineImages', () => {
  it('replaces cid: links with the message\'s own images and still hands them to onAttachment', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const stored: Buffer[] = [];
    const parsed = await parseSource(readFixture('html-with-inline-image.eml'), {
      embedInlineImages: true,
      onAttachment: async (_meta, content) => {
        for await (const chunk of content) stored.push(chunk as Buffer);
      },
    });
    expect(parsed.html).toContain(`<img src="data:image/png;base64,${png.toString('base64')}" alt="logo">`);
    expect(Buffer.concat(stored).equals(png)).toBe(true);
    expect(parsed.attachments[0]).toMatchObject({ contentId: 'logo@example.test', inline: true, size: png.length });
  });

  it('leaves cid: links alone by default', async () => {
    expect((await parseSource(readFixture('html-with-inline-image.eml'))).html).toContain('src="cid:logo@example.test"');
  });
});

describe('parseSource on broken input', () => {
  it('returns what it has for an empty input', async () => {
    const parsed = await parseSource(Buffer.alloc(0));
    expect(parsed).toMatchObject({ subject: '', text: null, html: null, attachments: [], date: null });
  });

  it('returns what it has when the input stream fails', async () => {
    const input = new Readable({ read() {} });
    input.push('Subject: cut short\r\nDate: Mon, 02 Jun 2025 09:30:00 +0000\r\n\r\nfirst line\r\n');
    setTimeout(() => input.destroy(new Error('connection reset')), 10);
    const parsed = await parseSource(input);
    expect(parsed.subject).toBe('cut short');
    expect(parsed.text).toBe('first line\n');
    expect(parsed.warnings).toContain('reading the message failed: connection reset');
  });

  it('returns what it has when the input stream is destroyed without an error', async () => {
    const input = new Readable({ read() {} });
    input.push('Subject: aborted\r\n\r\nbody\r\n');
    setTimeout(() => input.destroy(), 10);
    const parsed = await parseSource(input);
    expect(parsed.subject).toBe('aborted');
    expect(parsed.warnings).toContain('the message ended early');
  });

  it('stops at a message truncated inside a base64 attachment', async () => {
    const raw = message(
      'Subject: truncated', 'Content-Type: multipart/mixed; boundary="b"', '',
      '--b', 'Content-Type: text/plain', '', 'hello',
      '--b', 'Content-Type: application/zip', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="a.zip"', '',
      'UEsDBBQAAAAIAA',
    );
    const parsed = await parseSource(raw.subarray(0, raw.length - 2));
    expect(parsed.text).toBe('hello');
    expect(parsed.attachments).toMatchObject([{ filename: 'a.zip', size: 10 }]);
    expect(parsed.warnings).toContain('message: multipart never closed (no final boundary), parsed to the end of the message');
  });

  it('warns about each unclosed multipart, inner and outer', async () => {
    const parsed = await parseSource(message(
      'Subject: nest', 'Date: Mon, 02 Jun 2025 09:30:00 +0000', 'Content-Type: multipart/mixed; boundary="o"', '',
      '--o', 'Content-Type: multipart/alternative; boundary="i"', '', '--i', 'Content-Type: text/plain', '', 'inner text',
      '--o', 'Content-Type: application/pdf; name="a.pdf"', '', 'PDF',
    ));
    expect(parsed.text).toBe('inner text');
    expect(parsed.attachments).toMatchObject([{ partId: '2', filename: 'a.pdf' }]);
    expect(parsed.warnings).toEqual([
      'message: multipart never closed (no final boundary), parsed to the end of the message',
      'part 1: multipart never closed (no final boundary), parsed to the end of the message',
    ]);
  });

  it('does not mistake the closing boundaries of a forwarded message for missing ones', async () => {
    const parsed = await parseSource(message(
      'Subject: fwd', 'Date: Mon, 02 Jun 2025 09:30:00 +0000', 'Content-Type: multipart/mixed; boundary="o"', '',
      '--o', 'Content-Type: text/plain', '', 'see below',
      '--o', 'Content-Type: message/rfc822', 'Content-Disposition: inline', '',
      'Subject: inner', 'From: x@example.test', 'Content-Type: multipart/mixed; boundary="q"', '',
      '--q', 'Content-Type: text/plain', '', 'inner body',
      '--q', 'Content-Type: application/pdf; name="in.pdf"', '', 'PDF',
      '--q--',
      '--o--',
    ));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.attachments).toMatchObject([{ partId: '2.2', filename: 'in.pdf' }]);
  });

  it('reads a multipart without a boundary by the delimiter lines it uses', async () => {
    const parsed = await parseSource(message(
      'Subject: no boundary', 'Date: Mon, 02 Jun 2025 09:30:00 +0000', 'Content-Type: multipart/mixed', '',
      '--x', 'Content-Type: text/plain', '', 'hi', '--x--',
    ));
    expect(parsed.text).toBe('hi');
    expect(parsed.warnings).toEqual(['message: multipart without a boundary', 'wren:BoundaryRecovered']);
  });

  it('shows a multipart without a boundary or any delimiter line as plain text', async () => {
    const parsed = await parseSource(message(
      'Subject: no boundary', 'Date: Mon, 02 Jun 2025 09:30:00 +0000', 'Content-Type: multipart/mixed', '', 'just words',
    ));
    expect(parsed.text).toBe('just words\n');
    expect(parsed.warnings).toEqual(['message: multipart without a boundary', 'wren:BodyShownAsText']);
  });

  it('reads past the splitter\'s usual 1,000 parts and says so (more in parse-source-recovery.test.ts)', async () => {
    const parts = Array.from({ length: 1100 }, (_, i) => `--b\r\nContent-Type: application/octet-stream\r\n\r\nx${i}\r\n`).join('');
    const raw = Buffer.from(`Subject: many parts\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}--b--\r\n`);
    const parsed = await parseSource(raw, { onAttachment: async (_meta, content) => void (await content.toArray()) });
    expect(parsed.subject).toBe('many parts');
    expect(parsed.attachments).toHaveLength(1100);
    expect(parsed.warnings).toContain('wren:ManyParts');
  }, 30_000);

  it('decodes an unlabelled 8-bit body as windows-1252 when it is not UTF-8', async () => {
    const parsed = await parseSource(message('Subject: x', '', Buffer.from([0x63, 0x61, 0x66, 0xe9])));
    expect(parsed.text).toBe('café\n');
  });

  it('reads an unlabelled GBK body as Chinese, as its raw 8-bit GBK subject is read, and a declared charset as declared', async () => {
    const gbk = (text: string) => iconv.encode(text, 'gbk');
    const unlabelled = await parseSource(message(Buffer.concat([Buffer.from('Subject: '), gbk('无字符集')]), 'Date: Tue, 01 Dec 2026 09:00:00 +0000', 'Content-Type: text/plain', '', gbk('无字符集声明的正文')));
    expect(unlabelled.subject).toBe('无字符集');
    expect(unlabelled.text).toBe('无字符集声明的正文\n');
    expect(unlabelled.warnings).toEqual(['subject: raw 8-bit bytes decoded as GB18030']);
    const declared = await parseSource(message('Subject: x', 'Content-Type: text/plain; charset=iso-8859-1', '', gbk('无字符集声明的正文')));
    expect(declared.text).toBe('ÎÞ×Ö·û¼¯ÉùÃ÷µÄÕýÎÄ\n');
  });

  it('guesses an unknown body charset and says so', async () => {
    const parsed = await parseSource(message('Subject: x', 'Content-Type: text/plain; charset=x-unknown', '', iconv.encode('你好', 'gbk')));
    expect(parsed.text).toBe('你好\n');
    expect(parsed.warnings).toContain('part 1: unknown charset "x-unknown", decoded as GB18030');
  });

  it('reads text and HTML of an alternative without converting one into the other', async () => {
    const parsed = await parseSource(message(
      'Subject: x', 'Content-Type: multipart/alternative; boundary="a"', '',
      '--a', 'Content-Type: text/plain; charset=gb2312', 'Content-Transfer-Encoding: base64', '', iconv.encode('纯文本', 'gbk').toString('base64'),
      '--a', 'Content-Type: text/html; charset=gb2312', '', iconv.encode('<p>网页</p>', 'gbk'),
      '--a--',
    ));
    expect(parsed.text).toBe('纯文本');
    expect(parsed.html).toBe('<p>网页</p>');
  });

  it('gives text null for an HTML-only message', async () => {
    const parsed = await parseSource(message('Subject: x', 'Content-Type: text/html; charset=utf-8', '', '<b>hi</b>'));
    expect(parsed.text).toBeNull();
    expect(parsed.html).toBe('<b>hi</b>\n');
  });
});
