/** A middle dot between two Chinese or Japanese characters (· U+00B7, ‧ U+2027, ・ U+30FB, half-width ･ after NFKC). */
const NAME_DOT = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC])[\u00B7\u2027\u30FB](?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC])/gu;

/**
 * The one form of text the index holds and queries are written in.
 *
 * Unicode NFKC: Chinese and Japanese mail often writes Latin letters and
 * digits full-width (２０２６年度, ＰＤＦ), older Japanese mail katakana
 * half-width (ｶﾚｰ), and the user types whichever the input method gives;
 * SQLite's unicode61 tokenizer folds case and diacritics but not width, so
 * without this `2026` would not find `２０２６`. NFKC also composes a
 * decomposed accent (e + U+0301) and spells out ligatures and circled digits.
 *
 * Without the middle dot that joins the parts of a transliterated name
 * (列夫·托尔斯泰, コンピュータ・ウイルス): it is a separator to the tokenizer,
 * so the name would be two runs, and the name typed without the dot, as
 * most people do, would not be found.
 */
export function searchForm(text: string): string {
  return text.normalize('NFKC').replace(NAME_DOT, '');
}
