import { hanInitialAt, hanRank } from './han-order';
import type { Db } from './open-database';
import { isHan, personNameSyllables } from './person-name-pinyin';
import { boundedMemo } from '../system/bounded-memo';

/**
 * Names and subjects in the order a reader of Chinese expects: Han characters by their pinyin, among the
 * Latin letters (陈 with C, 张 with Z), as phones list contacts; other scripts case- and accent-folded
 * (Émile with E, ＡＢＣ as ABC). SQLite compares text byte by byte, and better-sqlite3 can register a
 * function but not a collation, so the list's ORDER BY asks for a key that sorts right byte by byte.
 */

/** SQL's name for nameSortKey, on every connection (see registerNameSortKey). */
export const NAME_SORT_KEY = 'wren_sort_key';

/** SQL's name for personNameSortKey, on every connection (see registerNameSortKey). */
export const PERSON_NAME_SORT_KEY = 'wren_person_sort_key';

/** Han characters get a code point of Plane 15's private use area, above every letter: 张 after Zoe within Z. */
const HAN_RANK_BASE = 0xf0000;

/** Keys already made, for the list's repeated senders; emptied when it grows past this. */
const KEPT_KEYS = 20_000;

/** Below every letter: a syllable sorts before the longer ones it begins (zhan before zhang). */
const SYLLABLE_END = '\u0001';

/** The key `text` sorts by: compare keys as strings (byte by byte in SQL), never show them. */
export const nameSortKey = boundedMemo(KEPT_KEYS, (text) => {
  let key = '';
  for (const char of text.normalize('NFKD')) {
    const rank = hanRank(char);
    key += rank === undefined ? foldedLetter(char) : hanInitialAt(rank) + String.fromCodePoint(HAN_RANK_BASE + rank);
  }
  return key;
});

/**
 * The key a person's name sorts by: as nameSortKey, but each Han character by its syllable in the name,
 * the surname read as one (曾 zeng with Z, 单 shan with S, where ICU's order has them with C and D), then by
 * its place in ICU's order among the characters of that syllable (陈 beside 陳).
 */
export const personNameSortKey = boundedMemo(KEPT_KEYS, (text) => {
  const normalized = text.normalize('NFKD');
  const syllables = personNameSyllables(normalized);
  let hanSeen = 0;
  let key = '';
  for (const char of normalized) {
    // The syllables are the Han characters', in order: count every one, ranked in ICU's order or not.
    const syllable = isHan(char) ? (syllables[hanSeen++] ?? '') : '';
    const rank = hanRank(char);
    if (rank === undefined) key += foldedLetter(char);
    else {
      const place = String.fromCodePoint(HAN_RANK_BASE + rank);
      key += syllable === '' ? hanInitialAt(rank) + place : syllable[0] + String.fromCodePoint(HAN_RANK_BASE) + syllable + SYLLABLE_END + place;
    }
  }
  return key;
});

function foldedLetter(char: string): string {
  // Combining marks left by NFKD (É → E + ◌́) sort as nothing.
  return /\p{M}/u.test(char) ? '' : char.toLowerCase();
}

/** Every connection (the main thread's, the sync and search workers') sorts names alike. */
export function registerNameSortKey(db: Db): void {
  db.function(NAME_SORT_KEY, { deterministic: true }, (text: unknown) => nameSortKey(String(text ?? '')));
  db.function(PERSON_NAME_SORT_KEY, { deterministic: true }, (text: unknown) => personNameSortKey(String(text ?? '')));
}
