import { hanInitialAt, hanRank } from './han-order';
import type { Db } from './open-database';

/**
 * A Chinese name found by the first letters of its pinyin, as Foxmail and QQ Mail find contacts: "zs" for
 * 张三, "ouy" for 欧阳. Only the initials: the full syllables are not in the platform's data (see han-order.ts).
 */

/** SQL's name for pinyinInitials, on every connection (see registerPinyinInitials). */
export const PINYIN_INITIALS = 'wren_pinyin_initials';

/** Fewer typed letters match too many names to help. */
const FEWEST_LETTERS = 2;

/** The initials of the text's Han characters, in order ("" for a name without any): 张三 → "zs", 李娜 Lina → "ln". */
export function pinyinInitials(text: string): string {
  let initials = '';
  for (const char of text) {
    const rank = hanRank(char);
    if (rank !== undefined) initials += hanInitialAt(rank);
  }
  return initials;
}

/** What typed text looks for among the initials: a LIKE prefix, or null when it is not a few Latin letters. */
export function initialsPattern(typed: string): string | null {
  const letters = typed.trim().toLowerCase();
  return letters.length >= FEWEST_LETTERS && /^[a-z]+$/.test(letters) ? `${letters}%` : null;
}

export function registerPinyinInitials(db: Db): void {
  db.function(PINYIN_INITIALS, { deterministic: true }, (text: unknown) => pinyinInitials(String(text ?? '')));
}
