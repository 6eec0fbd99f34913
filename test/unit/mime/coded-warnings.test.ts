import { describe, expect, it } from 'vitest';
import { codedWarning, parseWarning, warningAt, warningText } from '../../../src-main/errors/warning-codes';
import { parseSource } from '../../../src-main/mime/parse-source';
import { readFixture } from '../../lab/fixtures';

describe('coded warnings: what the parser reports, for the renderer to word', () => {
  it('carries the code, its values and where it was met, with the English sentence for the CLI', async () => {
    const [base64] = (await parseSource(readFixture('invalid-base64.eml'))).warnings;
    expect(parseWarning(base64!)).toEqual({ code: 'Base64Invalid', values: { skipped: 31, part: '1', text: 'part 1: invalid base64, skipped 31 characters' } });
    const [subject] = (await parseSource(readFixture('eight-bit-header-gbk.eml'))).warnings;
    expect(parseWarning(subject!)).toEqual({ code: 'RawHeaderBytes', values: { as: 'GB18030', header: 'subject', text: 'subject: raw 8-bit bytes decoded as GB18030' } });
    expect(warningText(subject!)).toBe('subject: raw 8-bit bytes decoded as GB18030');
  });

  it('keeps a code without values as before, and a plain sentence as a sentence', () => {
    expect(codedWarning('PartialDownload')).toBe('wren:PartialDownload');
    expect(parseWarning('wren:PartialDownload')).toEqual({ code: 'PartialDownload', values: {} });
    expect(parseWarning('part 1: an older sentence')).toBeNull();
    expect(warningAt({ part: '3' }, 'an older sentence')).toBe('part 3: an older sentence');
    // A value that does not parse is no code: shown as it came rather than worded wrongly.
    expect(parseWarning('wren:Base64Invalid:{broken')).toBeNull();
  });
});
