/**
 * The one form of text the index holds and queries are written in: Unicode
 * NFKC. Chinese and Japanese mail often writes Latin letters and digits
 * full-width (２０２６年度, ＰＤＦ), older Japanese mail katakana half-width
 * (ｶﾚｰ), and the user types whichever the input method gives; SQLite's
 * unicode61 tokenizer folds case and diacritics but not width, so without
 * this `2026` would not find `２０２６`. NFKC also composes a decomposed
 * accent (e + U+0301) and spells out ligatures and circled digits (ﬁ, ①).
 */
export function searchForm(text: string): string {
  return text.normalize('NFKC');
}
