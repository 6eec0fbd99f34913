import { describe, expect, it } from 'vitest';
import { boundedQuote, MAX_QUOTED_CHARS } from '../../../src-main/compose/quote-bound';

const ONE_LINE = `${'ABCDEFGHIJ中文'.repeat(300_000)}ENDMARKER`;

describe('boundedQuote', () => {
  it('quotes an ordinary text whole', () => {
    expect(boundedQuote('Hello\n\nBye\n', 'en')).toBe('Hello\n\nBye\n');
  });

  it('quotes the beginning of a 4.6 MB text of one line and says what was left out, in English and Chinese', () => {
    const en = boundedQuote(ONE_LINE, 'en');
    expect(en.startsWith(ONE_LINE.slice(0, MAX_QUOTED_CHARS))).toBe(true);
    expect(en).toMatch(/\n\[… the rest \(4\.\d MB\) is not quoted\]$/);
    expect(en).not.toContain('ENDMARKER');
    expect(boundedQuote(ONE_LINE, 'zh')).toMatch(/\n\[……其余部分（4\.\d MB）未引用\]$/);
  });

  it('cuts after a whole line when there is one, never between the halves of a surrogate pair', () => {
    const lines = `${'a line of words\n'.repeat(10_000)}`;
    const quoted = boundedQuote(lines, 'en');
    expect(quoted.split('\n').slice(0, -1).every((line) => line === 'a line of words')).toBe(true);
    const emoji = `${'a'.repeat(MAX_QUOTED_CHARS - 1)}😀${'b'.repeat(10)}`;
    expect(boundedQuote(emoji, 'en').startsWith(`${'a'.repeat(MAX_QUOTED_CHARS - 1)}\n[`)).toBe(true);
  });
});
