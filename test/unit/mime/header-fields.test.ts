import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readHeaderFields as codedFields } from '../../../src-main/mime/header-fields';
import { parseMailDate } from '../../../src-main/mime/mail-date';
import { splitHeaderBlock } from '../../../src-main/mime/raw-headers';
import { inEnglish } from './english-warnings';

const readHeaderFields = (...args: Parameters<typeof codedFields>) => inEnglish(codedFields(...args));

function block(...lines: Array<string | Buffer>): Buffer {
  return Buffer.concat(lines.map((l) => Buffer.concat([Buffer.isBuffer(l) ? l : Buffer.from(l, 'latin1'), Buffer.from('\r\n')])));
}

describe('splitHeaderBlock', () => {
  it('unfolds lines, lower-cases names, stops at the blank line and skips junk', () => {
    const raw = block('From mbox-line Mon Jun  2', 'Subject: one', '\ttwo', 'X-Empty:', '', 'Body: not a header');
    expect(splitHeaderBlock(raw).map((h) => [h.name, h.value.toString()])).toEqual([
      ['subject', ' one\ttwo'],
      ['x-empty', ''],
    ]);
  });
});

describe('readHeaderFields', () => {
  it('decodes the list fields', () => {
    const raw = block(
      'Subject: =?GBK?B?u+HS6c2o1qqjusP3zOzPws7nyP2147+qu+E=?=',
      'From: =?GBK?B?1cXOsA==?= <zhangwei@example.test>',
      'To: Bob <bob@example.test>, "Lee, Ann" <ann@example.test>',
      'To: carol@example.test',
      'Cc: Team: dave@example.test, erin@example.test;',
      'Date: Mon, 2 Jun 2025 17:30:00 +0800 (CST)',
      'Message-ID: <gbk@example.test>',
      'In-Reply-To: <parent@example.test> (comment)',
      'References: <root@example.test>',
      '  <middle@example.test> <parent@example.test>',
    );
    expect(readHeaderFields(splitHeaderBlock(raw))).toEqual({
      subject: '会议通知：明天下午三点开会',
      from: { name: '张伟', address: 'zhangwei@example.test' },
      to: [
        { name: 'Bob', address: 'bob@example.test' },
        { name: 'Lee, Ann', address: 'ann@example.test' },
        { name: '', address: 'carol@example.test' },
      ],
      cc: [
        { name: '', address: 'dave@example.test' },
        { name: '', address: 'erin@example.test' },
      ],
      date: Date.parse('2025-06-02T09:30:00Z'),
      messageId: '<gbk@example.test>',
      inReplyTo: '<parent@example.test>',
      threadRoot: '<root@example.test>',
      priority: 'normal',
      warnings: [],
    });
  });

  it('takes the thread root from the first of References, never the message itself', () => {
    const rootOf = (...lines: string[]) => readHeaderFields(splitHeaderBlock(block('Message-ID: <self@x>', ...lines))).threadRoot;
    expect(rootOf('References: <a@x> <b@x>')).toBe('<a@x>');
    expect(rootOf('References: (a comment) <a@x>')).toBe('<a@x>');
    expect(rootOf('References: <self@x>')).toBeNull();
    expect(rootOf('References:')).toBeNull();
    expect(rootOf('In-Reply-To: <p@x>')).toBeNull();
  });

  it('reads a raw 8-bit GBK subject as GB18030, with a warning', () => {
    const fields = readHeaderFields(splitHeaderBlock(block(Buffer.concat([Buffer.from('Subject: '), iconv.encode('原始GBK主题', 'gbk')]))));
    expect(fields.subject).toBe('原始GBK主题');
    expect(fields.warnings).toEqual(['subject: raw 8-bit bytes decoded as GB18030']);
  });

  it('reads a raw 8-bit windows-1252 subject as Latin, though its bytes are valid GB18030', () => {
    const fields = readHeaderFields(splitHeaderBlock(block(Buffer.concat([Buffer.from('Subject: '), iconv.encode('Grüße aus München', 'windows-1252')]))));
    expect(fields.subject).toBe('Grüße aus München');
    expect(fields.warnings).toEqual(['subject: raw 8-bit bytes decoded as WINDOWS-1252']);
  });

  it('reads raw 8-bit UTF-8 silently (RFC 6532)', () => {
    const fields = readHeaderFields(splitHeaderBlock(block(Buffer.from('Subject: 原始 UTF-8 主题'), Buffer.from('From: 张伟 <z@example.test>'))));
    expect(fields.subject).toBe('原始 UTF-8 主题');
    expect(fields.from).toEqual({ name: '张伟', address: 'z@example.test' });
    expect(fields.warnings).toEqual([]);
  });

  it('uses the body charset to read raw 8-bit Big5 headers', () => {
    const raw = block(Buffer.concat([Buffer.from('Subject: '), iconv.encode('訂單出貨通知', 'big5')]));
    expect(readHeaderFields(splitHeaderBlock(raw), 'big5').subject).toBe('訂單出貨通知');
  });

  it('gives date null for a missing or unreadable Date, warning only for the unreadable one', () => {
    expect(readHeaderFields(splitHeaderBlock(block('Subject: x'))).date).toBeNull();
    const bad = readHeaderFields(splitHeaderBlock(block('Date: sometime last week')));
    expect(bad.date).toBeNull();
    expect(bad.warnings).toEqual(['unreadable Date header "sometime last week"']);
  });

  it('falls back to Sender, then to an empty address', () => {
    expect(readHeaderFields(splitHeaderBlock(block('Sender: list@example.test'))).from).toEqual({ name: '', address: 'list@example.test' });
    expect(readHeaderFields(splitHeaderBlock(block('Subject: x'))).from).toEqual({ name: '', address: '' });
  });

  it('wraps a bare Message-ID in angle brackets', () => {
    expect(readHeaderFields(splitHeaderBlock(block('Message-ID: abc@example.test'))).messageId).toBe('<abc@example.test>');
  });
});

describe('parseMailDate', () => {
  it('reads RFC 5322 dates with comments and obsolete forms, and gives null otherwise', () => {
    expect(parseMailDate('Mon, 02 Jun 2025 09:30:00 +0000')).toBe(Date.parse('2025-06-02T09:30:00Z'));
    expect(parseMailDate('2 Jun 2025 17:30:00 +0800')).toBe(Date.parse('2025-06-02T09:30:00Z'));
    expect(parseMailDate('Mon, 02 Jun 25 09:30:00 GMT')).toBe(Date.parse('2025-06-02T09:30:00Z'));
    expect(parseMailDate('')).toBeNull();
    expect(parseMailDate('not a date')).toBeNull();
  });
});
