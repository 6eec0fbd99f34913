import { describe, expect, it } from 'vitest';
import { mailtoInArgs, parseMailto } from '../../../src-main/mailto/parse-mailto';

describe('mailto: links (RFC 6068)', () => {
  it('reads the address, subject and body', () => {
    expect(parseMailto('mailto:chris@example.com?subject=Hello%20there&body=Line%201%0D%0ALine%202')).toEqual({
      to: ['chris@example.com'], cc: [], subject: 'Hello there', body: 'Line 1\nLine 2',
    });
  });

  it('takes several addresses, to= and cc= fields, case-insensitive names', () => {
    expect(parseMailto('mailto:a@example.com,b@example.com?TO=c@example.com&Cc=d@example.com%2Ce@example.com')).toMatchObject({
      to: ['a@example.com', 'b@example.com', 'c@example.com'], cc: ['d@example.com', 'e@example.com'],
    });
  });

  it('decodes UTF-8 and keeps + as a plus sign', () => {
    expect(parseMailto('mailto:x@example.com?subject=%E4%BC%9A%E8%AE%AE+1')!.subject).toBe('会议+1');
  });

  it('never takes attach=, bcc= or other header fields', () => {
    const draft = parseMailto('mailto:a@example.com?attach=/etc/passwd&attachment=~/.ssh/id_rsa&bcc=spy@evil.test&X-Header=1&in-reply-to=%3Cx%3E');
    expect(draft).toEqual({ to: ['a@example.com'], cc: [], subject: '', body: '' });
    expect(JSON.stringify(draft)).not.toMatch(/passwd|id_rsa|spy/);
  });

  it('drops what is not an address and folds a subject onto one line', () => {
    expect(parseMailto('mailto:not%20an%20address,%3Cscript%3E,ok@example.com?subject=a%0D%0ABcc:%20x@y.z')).toMatchObject({
      to: ['ok@example.com'], subject: 'a Bcc: x@y.z',
    });
  });

  it('accepts a link without an address, and refuses broken encoding or another scheme', () => {
    expect(parseMailto('mailto:?subject=Hi')).toEqual({ to: [], cc: [], subject: 'Hi', body: '' });
    expect(parseMailto('mailto:a@example.com?subject=%E4%BC')).toBeNull();
    expect(parseMailto('https://example.com/?to=a@example.com')).toBeNull();
  });

  it('finds the link among the arguments a second instance was started with', () => {
    expect(mailtoInArgs(['/opt/Wren/wren', '--no-sandbox', 'MAILTO:a@example.com'])).toBe('MAILTO:a@example.com');
    expect(mailtoInArgs(['/opt/Wren/wren'])).toBeNull();
  });
});
