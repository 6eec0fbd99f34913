import { describe, expect, it } from 'vitest';
import { readListUnsubscribe } from '../../../src-main/messages/list-unsubscribe';

const headers = (...lines: string[]) => Buffer.from(`${['From: News <news@lists.example.org>', ...lines, 'Subject: Weekly'].join('\r\n')}\r\n\r\n`);

describe('List-Unsubscribe (RFC 2369): the ways out of a mailing list', () => {
  it('takes the first web page and the first address to write to, in any order', () => {
    expect(readListUnsubscribe(headers('List-Unsubscribe: <mailto:leave@lists.example.org?subject=unsubscribe%20me>, <https://lists.example.org/u?id=1&k=2>'))).toEqual({
      web: 'https://lists.example.org/u?id=1&k=2',
      mailto: { to: ['leave@lists.example.org'], cc: [], subject: 'unsubscribe me', body: '' },
    });
    expect(readListUnsubscribe(headers('List-Unsubscribe: <http://example.com/a>, <https://example.com/b>'))).toEqual({ web: 'http://example.com/a', mailto: null });
  });

  it('joins a URI folded over lines, and reads the field whatever its case', () => {
    expect(readListUnsubscribe(headers('list-unsubscribe: <https://example.com/unsubscribe/', '  0123456789?list=weekly>'))).toEqual({
      web: 'https://example.com/unsubscribe/0123456789?list=weekly', mailto: null,
    });
  });

  it('never takes a script, a file or other schemes, a mailto: without a recipient, or what a mailto: must not carry', () => {
    expect(readListUnsubscribe(headers('List-Unsubscribe: <javascript:alert(1)>, <file:///etc/passwd>, <ftp://example.com/x>'))).toBeNull();
    expect(readListUnsubscribe(headers('List-Unsubscribe: <mailto:?subject=leave>'))).toBeNull();
    expect(readListUnsubscribe(headers('List-Unsubscribe: <mailto:leave@example.org?attach=%2Fetc%2Fpasswd&bcc=spy@example.net&body=bye>'))).toEqual({
      web: null, mailto: { to: ['leave@example.org'], cc: [], subject: '', body: 'bye' },
    });
    expect(readListUnsubscribe(headers(`List-Unsubscribe: <https://example.com/${'x'.repeat(3000)}>`))).toBeNull();
  });

  it('is null for a message that is on no list', () => {
    expect(readListUnsubscribe(headers())).toBeNull();
    expect(readListUnsubscribe(headers('List-Unsubscribe: please write to us'))).toBeNull();
  });
});
