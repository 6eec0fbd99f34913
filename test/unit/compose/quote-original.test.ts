import { describe, expect, it } from 'vitest';
import { attributionLine, forwardBody, quotePlain, replyBody } from '../../../src-main/compose/quote-original';

const from = { name: 'Ann Lee', address: 'ann@example.com' };
const date = Date.UTC(2026, 11, 2, 10, 30);

describe('quoting the original', () => {
  it('puts "> " before each line, one more ">" on quoted lines, and keeps empty lines', () => {
    expect(quotePlain('Hello\n\n> earlier\nbye\n')).toBe('> Hello\n>\n>> earlier\n> bye');
    expect(quotePlain('a\r\nb')).toBe('> a\n> b');
  });

  it('writes the attribution in the UI language', () => {
    expect(attributionLine(from, date, 'en')).toMatch(/^On .*2026.*, Ann Lee <ann@example.com> wrote:$/);
    expect(attributionLine(from, date, 'zh')).toMatch(/^2026.*，Ann Lee <ann@example.com> 写道：$/);
    expect(attributionLine({ name: '', address: 'x@y.org' }, null, 'en')).toBe('x@y.org wrote:');
  });

  it('leaves room above the quote, and answers HTML mail in HTML with the text escaped in a cite blockquote', () => {
    const plain = replyBody({ from, date, text: 'Hi <there>\nline two', isHtml: false }, 'en');
    expect(plain.text.startsWith('\n\nOn ')).toBe(true);
    expect(plain.text).toContain('> Hi <there>\n> line two');
    expect(plain.html).toBeNull();
    const html = replyBody({ from, date, text: 'Hi <there>', isHtml: true }, 'en');
    expect(html.html).toContain('<blockquote type="cite">Hi &lt;there&gt;</blockquote>');
  });

  it('gives a forward the original header block, in Chinese too', () => {
    const original = { from, to: [{ name: '', address: 'bob@example.com' }], cc: [], date, subject: '计划', text: 'body', isHtml: false };
    expect(forwardBody(original, 'en').text).toContain('---------- Forwarded message ----------\nFrom: Ann Lee <ann@example.com>');
    const zh = forwardBody(original, 'zh').text;
    expect(zh).toContain('---------- 转发的邮件 ----------');
    expect(zh).toContain('主题: 计划');
    expect(zh.trimEnd().endsWith('body')).toBe(true);
  });
});
