import { describe, expect, it } from 'vitest';
import { codedWarning, WARNING_CODES, warningCodeOf } from '../../../src-main/errors/warning-codes';
import { en } from '../../../src-renderer/i18n/en';
import { zh } from '../../../src-renderer/i18n/zh';
import { describeWarning } from '../../../src-renderer/i18n/warning-words';

describe('describeWarning', () => {
  it('words every warning code in both languages, Chinese in zh', () => {
    for (const code of WARNING_CODES) {
      const english = describeWarning(en, codedWarning(code));
      const chinese = describeWarning(zh, codedWarning(code));
      expect(english, code).not.toMatch(/^wren:/);
      expect(chinese, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('words an error code carried as a warning with that error\'s words', () => {
    expect(describeWarning(en, codedWarning('DiskFull'))).toBe(en.errors.DiskFull);
    expect(describeWarning(zh, codedWarning('DiskFull'))).toBe(zh.errors.DiskFull);
  });

  it('shows a plain sentence, or an unknown code, as it came', () => {
    expect(describeWarning(en, 'part 1: invalid base64, skipped 3 characters')).toBe('part 1: invalid base64, skipped 3 characters');
    expect(warningCodeOf('wren:NoSuchCode')).toBeNull();
    expect(describeWarning(zh, 'wren:NoSuchCode')).toBe('wren:NoSuchCode');
  });
});
