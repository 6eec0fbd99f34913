import { describe, expect, it } from 'vitest';
import { nameSortKey, personNameSortKey } from '../../../src-main/store/name-sort-key';

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

const sortedAsNames = (names: string[]) =>
  [...names].sort((a, b) => (personNameSortKey(a) < personNameSortKey(b) ? -1 : personNameSortKey(a) > personNameSortKey(b) ? 1 : 0));

describe('personNameSortKey', () => {
  it('sorts Chinese names among the Latin ones as nameSortKey does: 陈 with C, 张 after Zoe within Z', () => {
    expect(sortedAsNames(['张伟', 'Zoe', '李娜', 'alice', '陈静', 'Mark', '王芳', '欧阳娜娜', 'Bob'])).toEqual([
      'alice', 'Bob', '陈静', '李娜', 'Mark', '欧阳娜娜', '王芳', 'Zoe', '张伟',
    ]);
  });

  it('reads a surname as a surname: 曾 (zeng) with Z and 单 (shan) with S, where the common reading has C and D', () => {
    expect(sortedAsNames(['曾小贤', 'Carol', '单田芳', 'David', '陈静', 'Sam', '张伟'])).toEqual([
      'Carol', '陈静', 'David', 'Sam', '单田芳', '曾小贤', '张伟',
    ]);
    // The common reading puts 曾 among the C's.
    expect(nameSortKey('曾小贤') < nameSortKey('David')).toBe(true);
  });

  it('orders by whole syllables (zhan before zhang, zhang before zhao), then the characters of one syllable', () => {
    expect(sortedAsNames(['赵六', '张三', '詹姆', '章七', '张四'])).toEqual(['詹姆', '张三', '张四', '章七', '赵六']);
  });

  it('sorts a traditional character beside its simplified form, and folds case and accents', () => {
    expect(sortedAsNames(['陳七', 'david', '陈六', 'Carol'])).toEqual(['Carol', '陈六', '陳七', 'david']);
    expect(personNameSortKey('Émile')).toBe(personNameSortKey('emile'));
  });
});

