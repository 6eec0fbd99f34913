import { describe, expect, it } from 'vitest';
import { attributionLine, forwardBody, quotePlain, replyBelowBody, replyBody } from '../../../src-main/compose/quote-original';

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

  it('below the quote: the attribution and the quote first, a line to write on, then the signature; writeAt is that line', () => {
    const signature = { text: '\n\n-- \nAnn', html: '<div data-signature="">-- <br>Ann</div>' };
    const plain = replyBelowBody({ from, date, text: 'Hi\nline two', isHtml: false }, 'en', signature);
    expect(plain.text).toMatch(/^On .* wrote:\n> Hi\n> line two\n\n\n\n-- \nAnn$/);
    expect(plain.text.slice(0, plain.writeAt)).toMatch(/> line two\n\n$/);
    expect(plain.text.slice(plain.writeAt)).toBe('\n\n-- \nAnn');
    expect(plain.html).toBeNull();
    const html = replyBelowBody({ from, date, text: 'Hi', isHtml: true }, 'zh', signature).html!;
    expect(html).toMatch(/^<div data-quoted=""><p>.*写道：<\/p><blockquote type="cite">Hi<\/blockquote><\/div><p><br><\/p><div data-signature="">/);
    // Without a signature the text ends on the line to write on.
    const bare = replyBelowBody({ from, date, text: 'Hi', isHtml: false }, 'en', { text: '', html: '' });
    expect(bare.writeAt).toBe(bare.text.length);
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
