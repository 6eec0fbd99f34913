import { describe, expect, it } from 'vitest';
import { writtenLanguage } from '../../../src-main/settings/written-language';

describe('writtenLanguage', () => {
  it('takes the language chosen in Settings, else the system\'s: Chinese for any zh locale, English for the rest', () => {
    expect(writtenLanguage('zh', 'en-US')).toBe('zh');
    expect(writtenLanguage('en', 'zh-CN')).toBe('en');
    expect(writtenLanguage(null, 'zh-TW')).toBe('zh');
    expect(writtenLanguage(null, 'ZH')).toBe('zh');
    expect(writtenLanguage(null, 'de-DE')).toBe('en');
  });
});
