import { text } from 'node:stream/consumers';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildReceipt } from '../../../src-main/outbox/build-receipt';

const input = (subject: string, language: 'en' | 'zh' = 'en') => ({
  from: { name: '李明', address: 'li@example.test', replyTo: null },
  to: 'alice@example.test',
  original: { messageId: '<orig@example.test>', subject },
  messageId: '<mdn-1@example.test>',
  date: new Date(Date.UTC(2026, 11, 5, 9, 0)),
  language,
});

describe('buildReceipt (an RFC 8098 MDN)', () => {
  it('a multipart/report: words for the person, the disposition for the program; threaded with the original', async () => {
    const built = buildReceipt(input('Quarterly report'));
    expect(built.envelope).toEqual({ from: 'li@example.test', to: ['alice@example.test'] });
    const source = await text(built.stream());
    expect(source).toMatch(/^Content-Type: multipart\/report; report-type=disposition-notification;\s+boundary=/m);
    expect(source).toContain('Content-Type: message/disposition-notification\r\nContent-Transfer-Encoding: 7bit\r\n\r\n'
      + 'Reporting-UA: Wren\r\nFinal-Recipient: rfc822;li@example.test\r\nOriginal-Message-ID: <orig@example.test>\r\n'
      + 'Disposition: manual-action/MDN-sent-manually; displayed\r\n');
    const parsed = await simpleParser(source);
    expect(parsed.subject).toBe('Return Receipt (displayed) - Quarterly report');
    expect(parsed.messageId).toBe('<mdn-1@example.test>');
    expect(parsed.inReplyTo).toBe('<orig@example.test>');
    expect(parsed.references).toBe('<orig@example.test>');
    expect(parsed.from!.value[0]).toEqual({ name: '李明', address: 'li@example.test' });
    expect(parsed.text).toMatch(/^This is a Return Receipt for the mail that you sent to li@example\.test\./);
    expect(source.length).toBeLessThanOrEqual(built.sizeBound);
  });

  it('in Chinese, the subject and words; 7-bit on the wire', async () => {
    const source = await text(buildReceipt(input('季度报告', 'zh')).stream());
    expect([...source].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    const parsed = await simpleParser(source);
    expect(parsed.subject).toBe('回执（已显示）- 季度报告');
    expect(parsed.text).toContain('这是您发送给 li@example.test 的邮件的回执。');
  });

  it('a subject carrying line breaks adds no header field', async () => {
    const source = await text(buildReceipt(input('Hi\r\nBcc: victim@evil.test')).stream());
    const header = source.slice(0, source.indexOf('\r\n\r\n'));
    expect(header).not.toMatch(/^Bcc:/im);
    expect((await simpleParser(source)).bcc).toBeUndefined();
  });
});
