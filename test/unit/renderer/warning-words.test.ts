import { describe, expect, it } from 'vitest';
import { codedWarning, WARNING_CODES, warningAt, warningCodeOf } from '../../../src-main/errors/warning-codes';
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

  it('words a decoding warning with its values and where it was met, in the reader\'s language', () => {
    const base64 = warningAt({ part: '1.2' }, codedWarning('Base64Invalid', { skipped: 31, text: 'invalid base64: skipped 31 characters, decoded the rest' }));
    expect(describeWarning(zh, base64)).toBe('第 1.2 部分：base64 编码有误：跳过了 31 个字符，其余已解码。');
    expect(describeWarning(en, base64)).toBe('Part 1.2: Invalid base64: 31 characters skipped, the rest decoded.');
    const gbkSubject = warningAt({ header: 'subject' }, codedWarning('RawHeaderBytes', { as: 'GB18030', text: 'raw 8-bit bytes decoded as GB18030' }));
    expect(describeWarning(zh, gbkSubject)).toBe('主题：未声明编码的 8 位字节，已按 GB18030 解码。');
    const fileName = warningAt({ part: '2' }, warningAt({ header: 'file name' }, codedWarning('RawHeaderBytes', { as: 'GB18030' })));
    expect(describeWarning(zh, fileName)).toBe('第 2 部分：文件名：未声明编码的 8 位字节，已按 GB18030 解码。');
    // A header field without words of its own keeps its name.
    expect(describeWarning(zh, warningAt({ header: 'x-mailer' }, codedWarning('EncodedWordUnterminated')))).toBe('x-mailer：未结束的编码字按原样显示。');
  });
});
