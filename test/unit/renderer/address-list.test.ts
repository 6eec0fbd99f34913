import { describe, expect, it } from 'vitest';
import { isValidAddress, parseAddress, parseAddressList, splitAddressList, withChipsAdded } from '../../../src-renderer/components/Composer/address-list';

describe('address lists typed or pasted into To/Cc/Bcc', () => {
  it('splits at commas, semicolons and line breaks, but not inside quotes or angle brackets', () => {
    expect(splitAddressList('a@x.org, b@y.org;c@z.org\nd@w.org')).toEqual(['a@x.org', 'b@y.org', 'c@z.org', 'd@w.org']);
    expect(splitAddressList('"Lee, Ann" <ann@x.org>, bob@y.org')).toEqual(['"Lee, Ann" <ann@x.org>', 'bob@y.org']);
    expect(splitAddressList(' , ;\n')).toEqual([]);
  });

  it('splits at the full-width comma and semicolon and the enumeration comma a Chinese input method types, not inside quotes', () => {
    expect(splitAddressList('bob@example.test；carol@example.test，dan@example.test、eve@example.test')).toEqual(['bob@example.test', 'carol@example.test', 'dan@example.test', 'eve@example.test']);
    expect(splitAddressList('"张，三" <zs@example.cn>，li@example.cn')).toEqual(['"张，三" <zs@example.cn>', 'li@example.cn']);
  });

  it('reads names and addresses, Chinese names included', () => {
    expect(parseAddress('"Lee, Ann" <ann@x.org>')).toEqual({ name: 'Lee, Ann', address: 'ann@x.org', valid: true });
    expect(parseAddress('张三 <zs@example.cn>')).toEqual({ name: '张三', address: 'zs@example.cn', valid: true });
    expect(parseAddress('<bob@y.org>')).toEqual({ name: '', address: 'bob@y.org', valid: true });
    expect(parseAddress('mailto:bob@y.org')).toEqual({ name: '', address: 'bob@y.org', valid: true });
  });

  it('marks what cannot be sent to', () => {
    expect(parseAddressList('ann@x.org, bob@, carol@y, d@@x.org, e f@x.org, .g@x.org').map((c) => c.valid)).toEqual([true, false, false, false, false, false]);
    expect(isValidAddress('first.last+tag@sub.example.co.uk')).toBe(true);
    expect(isValidAddress('a..b@x.org')).toBe(false);
  });

  it('adds each address once, whatever its case: one already there keeps its place and gains a name it lacked', () => {
    const bob = { name: '', address: 'bob@example.test', valid: true };
    const ann = { name: 'Ann Lee', address: 'ann@x.org', valid: true };
    expect(withChipsAdded([bob, ann], parseAddressList('Bob Builder <BOB@example.test>, ann@X.org, carol@y.org, Carol <carol@y.org>'))).toEqual([
      { name: 'Bob Builder', address: 'bob@example.test', valid: true },
      ann,
      { name: 'Carol', address: 'carol@y.org', valid: true },
    ]);
  });
});
