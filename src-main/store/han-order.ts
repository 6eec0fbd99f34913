/**
 * Where each Han character stands in pinyin order, and the letter its pinyin begins with, taken from the
 * platform's ICU rather than a table of our own: its Chinese collation orders the Han characters by pinyin,
 * and marks where each initial letter begins with the boundary strings U+FDD0 + letter (what ICU's
 * AlphabeticIndex reads). Sorting the ideographs once (about 30 ms, on first use in each thread) gives
 * every character its place and its initial letter. Without Chinese collation data in the ICU the order is
 * the code points' and no character has an initial: text then sorts by its characters alone. The order is a
 * character's most common reading; people's names, whose surnames read otherwise (曾 zeng, not ceng), sort
 * by their syllables as names (personNameSortKey) and fall back to this order within a syllable.
 */

/** CJK Unified Ideographs and Extension A: the characters names are written in. */
const HAN_RANGES: [number, number][] = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
];

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

interface HanOrder {
  /** Each character's place in pinyin order. */
  rank: Map<string, number>;
  /** The initial letters that have characters, each with the rank where it begins, in order. */
  initials: { letter: string; from: number }[];
}

let order: HanOrder | null = null;

/** The character's place in pinyin order; undefined for anything but a Han character. */
export function hanRank(char: string): number | undefined {
  return (order ??= makeHanOrder()).rank.get(char);
}

/** The letter the pinyin of the character at this rank begins with ('' without Chinese collation data). */
export function hanInitialAt(rank: number): string {
  const { initials } = (order ??= makeHanOrder());
  let letter = '';
  for (const initial of initials) {
    if (initial.from > rank) break;
    letter = initial.letter;
  }
  return letter;
}

/**
 * Sorts the ideographs a while after the app starts, when nothing waits on this thread, so the first list
 * sorted by sender or the Address Book's first page does not pay those 30 ms. Never keeps the process alive.
 */
export function prepareHanOrderSoon(delayMs = 5000): void {
  setTimeout(() => (order ??= makeHanOrder()), delayMs).unref();
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
