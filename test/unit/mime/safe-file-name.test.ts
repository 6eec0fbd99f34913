import { describe, expect, it } from 'vitest';
import { messageFileName, safeFileName } from '../../../src-main/mime/safe-file-name';

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\x\\evil.exe', 'evil.exe'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['..', 'attachment'],
    ['CON.txt', '_CON.txt'],
    ['nul', '_nul'],
    ['com1.tar.gz', '_com1.tar.gz'],
    ['console.txt', 'console.txt'],
    ['report.pdf. . ', 'report.pdf'],
    ['.htaccess', 'htaccess'],
    ['a<b>c:d"e|f?g*h.txt', 'abcdefgh.txt'],
    ['tab\there\u0000.txt', 'tabhere.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['invoice\u061C2024.pdf', 'invoice2024.pdf'],
    ['2024年度财务报告（最终版）.txt', '2024年度财务报告（最终版）.txt'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('falls back to "attachment" plus an extension from the content type', () => {
    expect(safeFileName('', 'application/pdf')).toBe('attachment.pdf');
    expect(safeFileName(null, 'image/jpeg; name=x')).toBe('attachment.jpeg');
    expect(safeFileName(null, 'application/x-unknown')).toBe('attachment');
    expect(safeFileName('///', 'text/plain')).toBe('attachment.txt');
  });

  it('caps long Chinese names at 200 UTF-8 bytes without cutting a character, keeping the extension', () => {
    const name = `${'报告'.repeat(60)}.pdf`;
    const safe = safeFileName(name);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(200);
    expect(safe).toBe(`${'报告'.repeat(32)}报.pdf`);
    expect(safe).not.toContain('\ufffd');
  });

  it('treats the console devices CONIN$ and CONOUT$ as reserved, in any case and with extensions', () => {
    expect(safeFileName('CONIN$')).toBe('_CONIN$');
    expect(safeFileName('conout$.txt')).toBe('_conout$.txt');
    expect(safeFileName('ConIn$.log.gz')).toBe('_ConIn$.log.gz');
    expect(safeFileName('CONIN$x.txt')).toBe('CONIN$x.txt');
  });

  it('does not split a surrogate pair when cutting', () => {
    const safe = safeFileName(`${'𠮷'.repeat(80)}.txt`);
    expect(safe).toBe(`${'𠮷'.repeat(49)}.txt`);
  });
});

describe('messageFileName (Save As ▸ File)', () => {
  it('names the file after the subject, made safe, with .eml; a slash is a dash, not a folder', () => {
    expect(messageFileName('Quarterly budget review')).toBe('Quarterly budget review.eml');
    expect(messageFileName('Re: Q3/Q4 plan')).toBe('Re Q3-Q4 plan.eml');
    expect(messageFileName('会议通知：明天下午三点开会')).toBe('会议通知：明天下午三点开会.eml');
    expect(messageFileName('  ')).toBe('message.eml');
    expect(messageFileName('...')).toBe('message.eml');
    expect(Buffer.byteLength(messageFileName('报告'.repeat(80)))).toBeLessThanOrEqual(200);
    expect(messageFileName('报告'.repeat(80)).endsWith('.eml')).toBe(true);
  });
});
