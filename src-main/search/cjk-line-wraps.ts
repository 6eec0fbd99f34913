/** Chinese and Japanese characters (Hangul is not: Korean puts spaces between its words). */
const CJ = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC\\u3000-\\u303F\\uFF00-\\uFFEF]';

/**
 * A line break between two Chinese or Japanese characters, with the quote
 * markers of a reply ("> ") and the blanks around it, up to the next character.
 */
const WRAP = new RegExp(`(${CJ})[ \\t]*\\r?\\n(?:[ \\t]*>)*[ \\t]*(?=${CJ})`, 'gu');

/**
 * Chinese and Japanese are written without spaces, so a line break inside a
 * sentence is only where the sender's client (or the HTML's author) wrapped
 * the line: "会\n议" is still the word 会议. CSS renders it so (CSS Text 3,
 * segment breaks between East Asian wide characters are removed); the index
 * must too, or a word cut by a wrap is never found. A space the writer typed
 * between two words stays a break.
 */
export function joinCjkLineWraps(text: string): string {
  return text.replace(WRAP, '$1');
}
