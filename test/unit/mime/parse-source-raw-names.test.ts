import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src-main/mime/parse-source';
import { rawNameMessage } from '../../lab/raw-name-message';

describe('parseSource on raw 8-bit file names', () => {
  it.each([
    ['gbk', '2024年度报告.pdf'],
    ['big5', '會議紀錄.pdf'],
    ['shift_jis', '見積書.pdf'],
  ] as const)('reads a raw %s name in the charset of the message text', async (charset, name) => {
    const parsed = await parseSource(rawNameMessage('x', name, charset));
    expect(parsed.attachments.map((a) => a.filename)).toEqual([name]);
  });
});
