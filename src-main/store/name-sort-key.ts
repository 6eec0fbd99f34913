/**
 * Names and subjects in the order a reader of Chinese expects: Han characters by their pinyin, among the
 * Latin letters (陈 with C, 张 with Z), as phones list contacts; other scripts case- and accent-folded
 * (Émile with E, ＡＢＣ as ABC). SQLite compares text byte by byte, and better-sqlite3 can register a
 * function but not a collation, so the list's ORDER BY asks for a key that sorts right byte by byte.
 *
 * The pinyin comes from the platform's ICU, not from a table of our own: its Chinese collation orders the
 * Han characters by pinyin, and marks where each initial letter begins with the boundary strings
 * U+FDD0 + letter (what ICU's AlphabeticIndex reads). Sorting the ideographs once (about 30 ms, on first
 * use in each thread) gives every character its place and its initial letter.
 */

import type { Db } from './open-database';

/** SQL's name for nameSortKey, on every connection (see registerNameSortKey). */
export const NAME_SORT_KEY = 'wren_sort_key';

/** Han characters get a code point of Plane 15's private use area, above every letter: 张 after Zoe within Z. */
const HAN_RANK_BASE = 0xf0000;

/** CJK Unified Ideographs and Extension A: the characters names are written in. */
const HAN_RANGES: [number, number][] = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
];

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Keys already made, for the list's repeated senders; emptied when it grows past this. */
const KEPT_KEYS = 20_000;

interface HanOrder {
  /** Each character's place in pinyin order. */
  rank: Map<string, number>;
  /** The initial letters that have characters, each with the rank where it begins, in order. */
  initials: { letter: string; from: number }[];
}

let hanOrder: HanOrder | null = null;
const kept = new Map<string, string>();

/** The key `text` sorts by: compare keys as strings (byte by byte in SQL), never show them. */
export function nameSortKey(text: string): string {
  const known = kept.get(text);
  if (known !== undefined) return known;
  const order = (hanOrder ??= makeHanOrder());
  let key = '';
  for (const char of text.normalize('NFKD')) {
    const rank = order.rank.get(char);
    key += rank === undefined ? foldedLetter(char) : initialOf(order, rank) + String.fromCodePoint(HAN_RANK_BASE + rank);
  }
  if (kept.size >= KEPT_KEYS) kept.clear();
  kept.set(text, key);
  return key;
}

function foldedLetter(char: string): string {
  // Combining marks left by NFKD (É → E + ◌́) sort as nothing.
  return /\p{M}/u.test(char) ? '' : char.toLowerCase();
}

function initialOf(order: HanOrder, rank: number): string {
  let letter = order.initials[0]?.letter ?? '';
  for (const initial of order.initials) {
    if (initial.from > rank) break;
    letter = initial.letter;
  }
  return letter;
}

function makeHanOrder(): HanOrder {
  const collator = new Intl.Collator('zh');
  const han: string[] = [];
  for (const [from, to] of HAN_RANGES) for (let cp = from; cp <= to; cp += 1) han.push(String.fromCodePoint(cp));
  han.sort(collator.compare);
  const rank = new Map(han.map((char, i) => [char, i]));
  const initials: HanOrder['initials'] = [];
  for (const letter of LETTERS) {
    const from = firstNotBefore(han, `\ufdd0${letter.toUpperCase()}`, collator);
    // A letter no syllable starts with (i, u, v) has its boundary nowhere among the characters.
    const previous = initials[initials.length - 1];
    if (from < han.length && (!previous || from > previous.from)) initials.push({ letter, from });
  }
  return { rank, initials };
}

function firstNotBefore(sorted: string[], boundary: string, collator: Intl.Collator): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (collator.compare(sorted[middle]!, boundary) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Sorts the ideographs a while after the app starts, when nothing waits on this thread, so the first list
 * sorted by sender or the Address Book's first page does not pay those 30 ms. Never keeps the process alive.
 */
export function prepareNameSortKeySoon(delayMs = 5000): void {
  setTimeout(() => (hanOrder ??= makeHanOrder()), delayMs).unref();
}

/** Every connection (the main thread's, the sync and search workers') sorts names alike. */
export function registerNameSortKey(db: Db): void {
  db.function(NAME_SORT_KEY, { deterministic: true }, (text: unknown) => nameSortKey(String(text ?? '')));
}
