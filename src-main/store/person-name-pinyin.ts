import { pinyinPro } from '../system/first-use-packages';
import type { Db } from './open-database';

/**
 * A person's Chinese name as it reads in pinyin, so it can be found by what a Foxmail or QQ Mail user types:
 * "zhangsan", "zhangs" or "zs" for 张三, "sanfeng" or "feng" for 张三丰 (ranked after names that begin so).
 * Readings come from pinyin-pro's dictionary, with the first character read as a surname where that reading
 * differs (曾 zeng not ceng, 单 shan not dan, 区 ou): the platform's ICU knows the order of the characters
 * but neither their syllables nor surname readings (see han-order.ts).
 */

/** SQL's name for personNamePinyin, on every connection (see registerPersonNamePinyin). */
export const PERSON_NAME_PINYIN = 'wren_person_pinyin';

/** Fewer typed letters match too many names to help. */
const FEWEST_LETTERS = 2;

const HAN = /\p{Script=Han}/u;

/** Whether the character is Han, one personNameSyllables reads. */
export function isHan(char: string): boolean {
  return HAN.test(char);
}

/** Readings already made: the Address Book's search reads every entry's on each keystroke. */
const KEPT_READINGS = 20_000;
const kept = new Map<string, string[]>();
const keptKeys = new Map<string, string>();

/**
 * The toneless syllable of each Han character of a person's name, in order ("" where the dictionary has
 * none), ü written v as pinyin keyboards type it: 曾小贤 → zeng xiao xian, 吕布 → lv bu, Lina 李娜 → li na.
 */
export function personNameSyllables(name: string): string[] {
  const known = kept.get(name);
  if (known) return known;
  const han = [...name].filter(isHan).join('');
  let syllables: string[] = [];
  if (han !== '') {
    const chars = [...han];
    let read = readPinyin(han, true);
    // One syllable per character; where the dictionary reads otherwise (a character outside the plane it
    // knows), each character alone, and one it does not know is left unread.
    if (read.length !== chars.length) read = chars.map((char) => readPinyin(char, false)[0] ?? '');
    syllables = read.map((syllable) => (/^[a-z]+$/.test(syllable) ? syllable : ''));
  }
  if (kept.size >= KEPT_READINGS) kept.clear();
  kept.set(name, syllables);
  return syllables;
}

function readPinyin(han: string, asName: boolean): string[] {
  return pinyinPro().pinyin(han, { toneType: 'none', type: 'array', v: true, ...(asName ? { mode: 'surname' as const, surname: 'head' as const } : {}) });
}

/**
 * What typed letters are matched against, for a name with Han characters ("" for one without): each
 * spelling from the surname, whole and as initials, after a space ( zhangsanfeng zsf), then the same from
 * each later syllable after a "~" (~sanfeng ~sf ~feng), each also with u for ü (lv and lu for 吕).
 */
export function personNamePinyin(name: string): string {
  const known = keptKeys.get(name);
  if (known !== undefined) return known;
  const syllables = personNameSyllables(name).filter((syllable) => syllable !== '');
  let keys = '';
  for (let from = 0; from < syllables.length; from += 1) {
    const rest = syllables.slice(from);
    const mark = from === 0 ? ' ' : '~';
    for (const key of new Set([rest.join(''), rest.map((s) => s[0]).join('')])) {
      if (key.length < FEWEST_LETTERS) continue;
      keys += `${mark}${key}`;
      if (key.includes('v')) keys += `${mark}${key.replaceAll('v', 'u')}`;
    }
  }
  if (keptKeys.size >= KEPT_READINGS) keptKeys.clear();
  keptKeys.set(name, keys);
  return keys;
}

/**
 * GLOB patterns over personNamePinyin for typed text: `start` where a name's pinyin begins with it, `anywhere`
 * where any of its syllables does; null when the text is not a few Latin letters.
 */
export function pinyinPatterns(typed: string): { start: string; anywhere: string } | null {
  const letters = typed.trim().toLowerCase();
  if (letters.length < FEWEST_LETTERS || !/^[a-z]+$/.test(letters)) return null;
  return { start: `* ${letters}*`, anywhere: `*[ ~]${letters}*` };
}

/**
 * Loads the dictionary (about 30 ms) a while after the app starts, when nothing waits on this thread, so the
 * first list sorted by sender or the first suggestion does not pay it. Never keeps the process alive.
 */
export function preparePersonNamePinyinSoon(delayMs = 6000): void {
  setTimeout(() => personNameSyllables('张三'), delayMs).unref();
}

export function registerPersonNamePinyin(db: Db): void {
  db.function(PERSON_NAME_PINYIN, { deterministic: true }, (name: unknown) => personNamePinyin(String(name ?? '')));
}
