import { describe, expect, it } from 'vitest';
import { initialsPattern, pinyinInitials } from '../../../src-main/store/pinyin-initials';

describe('pinyinInitials', () => {
  it('gives the first letter of each Han character\'s pinyin, in order, simplified or traditional', () => {
    expect(pinyinInitials('张三')).toBe('zs');
    expect(pinyinInitials('欧阳娜娜')).toBe('oynn');
    expect(pinyinInitials('陳大文')).toBe('cdw');
  });

  it('leaves out what is not Han: a Latin name has none', () => {
    expect(pinyinInitials('李娜 Lina')).toBe('ln');
    expect(pinyinInitials('Alice')).toBe('');
  });
});

describe('initialsPattern', () => {
  it('looks for two or more Latin letters at the start of the initials, in any case', () => {
    expect(initialsPattern(' ZS ')).toBe('zs%');
    expect(initialsPattern('z')).toBeNull();
    expect(initialsPattern('z s')).toBeNull();
    expect(initialsPattern('张三')).toBeNull();
  });
});
