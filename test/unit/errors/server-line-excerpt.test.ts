import { describe, expect, it } from 'vitest';
import { serverLineExcerpt } from '../../../src-main/errors/server-line-excerpt';

describe('serverLineExcerpt', () => {
  it('keeps a short printable line as it is', () => {
    expect(serverLineExcerpt(Buffer.from('* OK IMAP4rev1 ready'))).toBe('* OK IMAP4rev1 ready');
    expect(serverLineExcerpt('1 abc')).toBe('1 abc');
  });

  it('writes control bytes as \\xNN, so a NUL or an escape cannot garble a terminal', () => {
    expect(serverLineExcerpt(Buffer.from([0x00, 0x41, 0x1b, 0x5b, 0x32, 0x4a, 0x7f, 0x9b, 0xe9]))).toBe('\\x00A\\x1b[2J\\x7f\\x9bé');
  });

  it('cuts a long line to 120 characters and says so, without splitting an escape', () => {
    const long = serverLineExcerpt(Buffer.alloc(64 * 1024, 'x'));
    expect(long).toBe(`${'x'.repeat(120)}…`);
    const escapes = serverLineExcerpt(Buffer.alloc(200, 0));
    expect(escapes).toBe(`${'\\x00'.repeat(30)}…`);
    expect(serverLineExcerpt('y'.repeat(120))).toBe('y'.repeat(120));
  });
});
