import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseSource as codedParse } from '../../../src-main/mime/parse-source';
import { inEnglish } from './english-warnings';

const parseSource = async (...args: Parameters<typeof codedParse>) => inEnglish(await codedParse(...args));

describe('parseSource of a file that is gone', () => {
  // First in its file on purpose: mailparser is not loaded yet, so the stream fails while it loads.
  it('gives a warning and no body, and leaves no error without a listener (no uncaught exception)', async () => {
    const missing = join(tmpdir(), `wren-missing-${process.pid}-${Date.now()}.eml`);
    const parsed = await parseSource(createReadStream(missing));
    expect(parsed.warnings.some((warning) => warning.startsWith('reading the message failed: ENOENT'))).toBe(true);
    expect(parsed.text ?? '').toBe('');
  });
});
