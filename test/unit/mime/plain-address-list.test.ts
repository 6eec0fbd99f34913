import addressparser from 'nodemailer/lib/addressparser';
import { describe, expect, it } from 'vitest';
import { plainAddressList } from '../../../src-main/mime/plain-address-list';

/** What parseAddressList keeps of an entry: both sides trimmed, empty entries dropped. */
function kept(list: Array<{ name?: string; address?: string }>): Array<{ name: string; address: string }> {
  return list.map((e) => ({ name: (e.name ?? '').trim(), address: (e.address ?? '').trim() })).filter((e) => e.name || e.address);
}

const NAMES = ['', 'Jo', 'Jo Smi', ' Jo ', '"Smi, Jo"', '"a@b"', '""', '" "', 'Jö', "O'B", 'a.b', 'Jo\tS', '=?utf-8?q?J=C3=B6?=', '"=?utf-8?q?J=C3=B6?="', '#1', 'a-b_c!'];
const ADDRESSES = ['a@b', 'x@y.z', 'A.b+c@d-e.f', "o'b@x.y", 'a%b@c'];
const FORMS = [(n: string, a: string) => `${n} <${a}>`, (n: string, a: string) => `${n}<${a}>`, (_: string, a: string) => `<${a}>`, (_: string, a: string) => a, (n: string, a: string) => ` ${n} <${a}>  `];

function entry(i: number, j: number, f: number): string {
  return FORMS[f % FORMS.length]!(NAMES[i % NAMES.length]!, ADDRESSES[j % ADDRESSES.length]!);
}

describe('plainAddressList', () => {
  it('reads every plain list as addressparser does', () => {
    let compared = 0;
    for (let i = 0; i < NAMES.length; i++) for (let j = 0; j < ADDRESSES.length; j++) for (let f = 0; f < FORMS.length; f++) {
      for (const list of [entry(i, j, f), `${entry(i, j, f)}, ${entry(i + 3, j + 1, f + 1)}`, `${entry(i, j, f)} ,${entry(i + 7, j + 2, f + 3)},${entry(i + 1, j + 4, f + 2)}`]) {
        const plain = plainAddressList(list);
        expect(plain, list).not.toBeNull();
        expect(kept(plain!), list).toEqual(kept(addressparser(list, { flatten: true })));
        compared += 1;
      }
    }
    expect(compared).toBe(NAMES.length * ADDRESSES.length * FORMS.length * 3);
  });

  it('leaves comments, groups, escapes, stray text and empty entries to the full parser', () => {
    for (const list of ['a@b (Jo)', 'team: a@b, c@d;', '"J\\"o" <a@b>', 'Jo <a@b>x', 'a@b <c@d>', 'a@b,,c@d', ',a@b', 'Jo', 'x"y <a@b>', '<a@b> <c@d>']) {
      expect(plainAddressList(list), list).toBeNull();
    }
  });

  it('drops a name that only repeats the address, as addressparser does', () => {
    expect(plainAddressList('"a@b" <a@b>')).toEqual([{ name: '', address: 'a@b' }]);
  });
});
