/**
 * Chinese, Japanese and Korean are written without spaces, so SQLite's
 * unicode61 tokenizer would make one token of a whole sentence and a search
 * for a word inside it would find nothing. Each run of these scripts is
 * written out as its overlapping bigrams instead ("明天的会议" → "明天 天的
 * 的会 会议"), at index time and at query time alike: any two or more
 * characters the user types are a phrase of bigrams that matches wherever
 * those characters stand, whatever a dictionary would call a word there.
 * (Intl.Segmenter was measured against this, see the README's Search
 * section: it cuts the same characters differently in different contexts,
 * so a query cut one way missed text cut another.)
 */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]+/gu;

/** The bigrams of one run; a run of one character is that character. */
export function bigramsOf(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** A query's text as the index's tokens: CJK runs as bigrams set apart by spaces, everything else as it was. */
export function withCjkBigrams(text: string): string {
  return text.replace(CJK_RUN, (run) => ` ${bigramsOf(run).join(' ')} `);
}

/**
 * The text as the index stores it: as withCjkBigrams, then the last
 * character of each run of two or more, on its own, after all of the text.
 * A query of one character is a prefix ("王*"), which finds the bigrams that
 * character starts; the last character of a run ("老王") starts none, so
 * without its own token it could not be found. Those tokens go after the
 * text, not beside their run: there they would stand between the run and
 * what follows it, and a phrase across that seam ("项目A", "价格100") would
 * no longer match. Queries never add them.
 */
export function indexedCjkText(text: string): string {
  const runEnds: string[] = [];
  const bigrams = text.replace(CJK_RUN, (run) => {
    const chars = [...run];
    if (chars.length > 1) runEnds.push(chars[chars.length - 1]!);
    return ` ${bigramsOf(run).join(' ')} `;
  });
  return runEnds.length ? `${bigrams}\n${runEnds.join(' ')}` : bigrams;
}
