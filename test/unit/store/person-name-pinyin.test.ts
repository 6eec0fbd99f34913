import { afterEach, describe, expect, it, vi } from 'vitest';
import { READINGS_KEPT, personNamePinyin, personNameSyllables, pinyinPatterns, preparePersonNamePinyinSoon } from '../../../src-main/store/person-name-pinyin';

describe('personNameSyllables', () => {
  it('reads each Han character of a name, simplified or traditional, without tones', () => {
    expect(personNameSyllables('张三丰')).toEqual(['zhang', 'san', 'feng']);
    expect(personNameSyllables('欧阳娜娜')).toEqual(['ou', 'yang', 'na', 'na']);
    expect(personNameSyllables('陳大文')).toEqual(['chen', 'da', 'wen']);
  });

  it('reads the first character as a surname where that reading differs from the common one', () => {
    expect(personNameSyllables('曾小贤')[0]).toBe('zeng');
    expect(personNameSyllables('单田芳')[0]).toBe('shan');
    expect(personNameSyllables('区志伟')[0]).toBe('ou');
    expect(personNameSyllables('解晓东')[0]).toBe('xie');
  });

  it('writes ü as v, as pinyin keyboards type it, and leaves out what is not Han', () => {
    expect(personNameSyllables('吕布')).toEqual(['lv', 'bu']);
    expect(personNameSyllables('李娜 Lina')).toEqual(['li', 'na']);
    expect(personNameSyllables('Alice')).toEqual([]);
  });
});

describe('personNamePinyin', () => {
  it('spells the name from its surname, whole and as initials, then from each later syllable', () => {
    expect(personNamePinyin('张三丰')).toBe(' zhangsanfeng zsf~sanfeng~sf~feng');
  });

  it('spells the surname in each of its readings, its reading as a surname first', () => {
    expect(personNamePinyin('曾小贤')).toBe(' zengxiaoxian zxx cengxiaoxian cxx~xiaoxian~xx~xian');
    expect(personNamePinyin('单田芳').startsWith(' shantianfang stf dantianfang dtf')).toBe(true);
  });

  it('spells a given name\'s polyphone in each reading too, the one read in context first (张乐: Zhang Le or Zhang Yue)', () => {
    const spelt = personNamePinyin('张乐');
    expect(spelt.startsWith(' zhangle zl zhangyue zy')).toBe(true);
    expect(spelt).toContain('~yue');
  });

  it('keeps at most READINGS_KEPT readings of a name of polyphones, those with one character read otherwise before two', () => {
    const spelt = personNamePinyin('和重乐朝');
    const wholes = spelt.split('~')[0]!.trim().split(' ').filter((key) => key.length > 4);
    expect(wholes).toHaveLength(READINGS_KEPT);
    expect(wholes[0]).toBe('hezhonglechao');
    // Each character read otherwise alone comes before two read otherwise together.
    expect(wholes).toEqual(expect.arrayContaining(['huozhonglechao', 'hechonglechao', 'hezhongyuechao', 'hezhonglezhao']));
    expect(wholes).not.toContain('hechongyuechao');
  });

  it('spells ü both ways, v and u, and has nothing for a name without Han characters', () => {
    expect(personNamePinyin('吕布')).toBe(' lvbu lubu lb~bu');
    expect(personNamePinyin('Alice')).toBe('');
  });
});

describe('pinyinPatterns', () => {
  it('matches two or more Latin letters, in any case, at the start of the name or of any syllable', () => {
    expect(pinyinPatterns(' ZS ')).toEqual({ start: '* zs*', anywhere: '*[ ~]zs*' });
  });

  it('matches nothing for one letter, spaces within, or Chinese text', () => {
    expect(pinyinPatterns('z')).toBeNull();
    expect(pinyinPatterns('z s')).toBeNull();
    expect(pinyinPatterns('张三')).toBeNull();
  });
});

describe('preparePersonNamePinyinSoon', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the names after its delay, and not at all once stopped (the core closed its database first)', () => {
    vi.useFakeTimers();
    const names = vi.fn(() => ['李明', 'Ann']);
    preparePersonNamePinyinSoon(names, 6000);
    const stop = preparePersonNamePinyinSoon(() => {
      throw new Error('The database connection is not open');
    }, 6000);
    stop();
    vi.advanceTimersByTime(6000);
    expect(names).toHaveBeenCalledTimes(1);
  });
});
