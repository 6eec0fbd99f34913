import { describe, expect, it } from 'vitest';
import { fileBase64, importedLines } from '../../../src-renderer/components/AddressBook/vcard-import';
import { toastWords } from '../../../src-renderer/components/Toasts/toast-line';
import { en } from '../../../src-renderer/i18n/en';
import { describeError } from '../../../src-renderer/i18n/error-words';
import { translator } from '../../../src-renderer/i18n/translate';
import { zh } from '../../../src-renderer/i18n/zh';

const words = (dictionary: typeof en, lines: ReturnType<typeof importedLines>) =>
  toastWords(lines, { t: translator(dictionary), locale: 'en', errorWords: (error) => describeError(dictionary, error) });

const unbase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

describe('Address Book: importing a vCard file', () => {
  it('sends the file as its bytes, GBK ones untouched', async () => {
    const bytes = new Uint8Array([0x46, 0x4e, 0x3a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0d, 0x0a]);
    expect(unbase64(await fileBase64(new Blob([bytes])))).toEqual(bytes);
    const large = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(unbase64(await fileBase64(new Blob([large])))).toEqual(large);
  });

  it('says what was imported and, when any were, the cards skipped and why, in English and Chinese', () => {
    const result = { added: 2, updated: 0, skippedNoAddress: 1, skippedUnreadable: 0 };
    expect(words(en, importedLines(result))).toEqual(['Imported: 2 new, 0 already here.', '1 card skipped (no email address).']);
    expect(words(zh, importedLines({ ...result, skippedUnreadable: 2 }))).toEqual([
      '已导入：新增 2 个，已有 0 个。', '跳过 1 张名片（没有电子邮件地址）。', '跳过 2 张名片（无法读取）。',
    ]);
    expect(words(en, importedLines({ added: 0, updated: 3, skippedNoAddress: 0, skippedUnreadable: 2 }))).toEqual([
      'Imported: 0 new, 3 already here.', '2 cards skipped (unreadable).',
    ]);
  });

  it('a file that is not a vCard is refused in words that say so', () => {
    const error = { code: 'NotVcardFile' as const, message: 'no BEGIN:VCARD' };
    expect(describeError(en, error)).toEqual(['This file is not a vCard (.vcf) file: it holds no contact cards. Nothing was imported from it.']);
    expect(describeError(zh, error)[0]).toContain('不是 vCard');
  });
});
