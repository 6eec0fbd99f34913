import { describe, expect, it } from 'vitest';
import { readMailingList } from '../../../src-main/messages/mailing-list';

/** The way out alone, as the tests below read it. */
const readListUnsubscribe = (raw: Buffer) => {
  const unsubscribe = readMailingList(raw)?.unsubscribe ?? null;
  if (!unsubscribe) return null;
  const { oneClick, ...ways } = unsubscribe;
  expect(oneClick).toBe(false);
  return ways;
};

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

describe('one-click unsubscription (RFC 8058)', () => {
  const unsubscribeOf = (...lines: string[]) => readMailingList(headers(...lines))?.unsubscribe;

  it('is offered for an HTTPS address when List-Unsubscribe-Post asks for it, in any case and spacing', () => {
    expect(unsubscribeOf('List-Unsubscribe: <mailto:leave@lists.example.org>, <https://lists.example.org/u/1>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click')).toEqual({
      web: 'https://lists.example.org/u/1', mailto: { to: ['leave@lists.example.org'], cc: [], subject: '', body: '' }, oneClick: true,
    });
    expect(unsubscribeOf('List-Unsubscribe: <https://lists.example.org/u/1>', 'list-unsubscribe-post:   list-unsubscribe=one-click ')?.oneClick).toBe(true);
  });

  it('is not offered over plain HTTP, for another POST body, or without the field', () => {
    expect(unsubscribeOf('List-Unsubscribe: <http://lists.example.org/u/1>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click')?.oneClick).toBe(false);
    expect(unsubscribeOf('List-Unsubscribe: <https://lists.example.org/u/1>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click&x=1')?.oneClick).toBe(false);
    expect(unsubscribeOf('List-Unsubscribe: <https://lists.example.org/u/1>')?.oneClick).toBe(false);
    expect(unsubscribeOf('List-Unsubscribe: <mailto:leave@lists.example.org>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click')?.oneClick).toBe(false);
  });
});

describe('List-Post (RFC 2369): where Reply to List writes', () => {
  const postOf = (...lines: string[]) => readMailingList(headers(...lines))?.post ?? null;

  it('takes the first mailto: recipient, and the list is known by it even without a way out', () => {
    expect(postOf('List-Post: <mailto:talk@lists.example.org>')).toBe('talk@lists.example.org');
    expect(postOf('List-Post: <https://lists.example.org/post>, <mailto:talk@lists.example.org?subject=x>')).toBe('talk@lists.example.org');
    expect(readMailingList(headers('List-Post: <mailto:talk@lists.example.org>'))).toEqual({ unsubscribe: null, post: 'talk@lists.example.org' });
  });

  it('is none for "NO" (posting not allowed), a web address alone, or a mailto: without a recipient', () => {
    expect(postOf('List-Post: NO (posting not allowed on this list)')).toBeNull();
    expect(postOf('List-Post: <https://lists.example.org/post>')).toBeNull();
    expect(postOf('List-Post: <mailto:?subject=x>')).toBeNull();
    expect(readMailingList(headers('List-Post: NO'))).toBeNull();
  });
});
