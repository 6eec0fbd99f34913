import { describe, expect, it } from 'vitest';
import { nameSortKey } from '../../../src-main/store/name-sort-key';

const sorted = (names: string[]) => [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0));

describe('nameSortKey', () => {
  it('puts Chinese names among the Latin letters by their pinyin: 陈 with C, 李 with L, 张 with Z', () => {
    expect(sorted(['张伟', 'Zoe', '李娜', 'alice', '陈静', 'Mark', '王芳', '欧阳娜娜', 'Bob'])).toEqual([
      'alice', 'Bob', '陈静', '李娜', 'Mark', '欧阳娜娜', '王芳', 'Zoe', '张伟',
    ]);
  });

  it('orders characters of one initial by their whole pinyin (阿 a, 安 an; 赵 zhao, 张 zhang, 周 zhou)', () => {
    expect(sorted(['周', '赵', '安', '张', '阿'])).toEqual(['阿', '安', '张', '赵', '周']);
  });

  it('sorts a traditional character beside its simplified form (陳 and 陈 are both chen)', () => {
    expect(sorted(['陳七', 'david', '陈六', 'Carol'])).toEqual(['Carol', '陈六', '陳七', 'david']);
  });

  it('folds case, accents and full-width letters, so they sort as the plain letter', () => {
    expect(nameSortKey('Émile')).toBe(nameSortKey('emile'));
    expect(nameSortKey('ＢＯＢ')).toBe(nameSortKey('bob'));
    expect(sorted(['Zoë', 'Émile', 'david', 'Ångström'])).toEqual(['Ångström', 'david', 'Émile', 'Zoë']);
  });

  it('puts digits first and other scripts after the Latin letters, in their own order', () => {
    expect(sorted(['Борис', 'さくら', 'anna', '2026 report', 'Анна'])).toEqual(['2026 report', 'anna', 'Анна', 'Борис', 'さくら']);
  });

  it('gives the same key for the same text every time (it is kept), and an empty key for nothing', () => {
    expect(nameSortKey('张伟')).toBe(nameSortKey('张伟'));
    expect(nameSortKey('')).toBe('');
  });
});
