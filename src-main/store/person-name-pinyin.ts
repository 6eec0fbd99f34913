import { pinyinPro } from '../system/first-use-packages';
import type { Db } from './open-database';
import { boundedMemo } from '../system/bounded-memo';
import { FEWEST_PINYIN_LETTERS, pinyinLetters } from '../ipc/contract-constants';

/**
 * A person's Chinese name as it reads in pinyin, so it can be found by what a Foxmail or QQ Mail user types:
 * "zhangsan", "zhangs" or "zs" for 张三, "sanfeng" or "feng" for 张三丰 (ranked after names that begin so).
 * Readings come from pinyin-pro's dictionary, with the first character read as a surname where that reading
 * differs (曾 zeng not ceng, 单 shan not dan, 区 ou): the platform's ICU knows the order of the characters
 * but neither their syllables nor surname readings (see han-order.ts).
 */

/** SQL's name for personNamePinyin, on every connection (see registerPersonNamePinyin). */
export const PERSON_NAME_PINYIN = 'wren_person_pinyin';


const HAN = /\p{Script=Han}/u;

/** Whether the character is Han, one personNameSyllables reads. */
export function isHan(char: string): boolean {
  return HAN.test(char);
}

/**
 * Readings already made: the Address Book's search reads every entry's on each keystroke, and reading a name
 * takes about 20 µs (a thousand names, 20 ms), looking it up here well under one. Room for a large book.
 */
export const KEPT_READINGS = 50_000;

/** Names read in one turn of the event loop while the book is read ahead (see preparePersonNamePinyinSoon). */
const READ_AHEAD_CHUNK = 200;

/**
 * The toneless syllable of each Han character of a person's name, in order ("" where the dictionary has
 * none), ü written v as pinyin keyboards type it: 曾小贤 → zeng xiao xian, 吕布 → lv bu, Lina 李娜 → li na.
 */
export const personNameSyllables = boundedMemo(KEPT_READINGS, (name): string[] => {
  const chars = [...name].filter(isHan);
  if (chars.length === 0) return [];
  let read = readPinyin(chars.join(''), true);
  // One syllable per character; where the dictionary reads otherwise (a character outside the plane it
  // knows), each character alone, and one it does not know is left unread.
  if (read.length !== chars.length) read = chars.map((char) => readPinyin(char, false)[0] ?? '');
  return read.map((syllable) => (/^[a-z]+$/.test(syllable) ? syllable : ''));
});

function readPinyin(han: string, asName: boolean): string[] {
  return pinyinPro().pinyin(han, { toneType: 'none', type: 'array', v: true, ...(asName ? { mode: 'surname' as const, surname: 'head' as const } : {}) });
}

/**
 * What typed letters are matched against, for a name with Han characters ("" for one without): each
 * spelling from the surname, whole and as initials, after a space ( zhangsanfeng zsf), then the same from
 * each later syllable after a "~" (~sanfeng ~sf ~feng), each also with u for ü (lv and lu for 吕). A
 * character with several readings is spelt in each, the one read in context first: the surname's reading as
 * a surname (曾小贤 is found by "zeng" and by "ceng", as a reader who does not know it types it), and a given
 * name's too, where the dictionary's choice is often not the name's (张乐 reads zhang le; the person may be
 * Zhang Yue), as a phone's contact search finds both. At most READINGS_KEPT readings of the whole name.
 */
export const personNamePinyin = boundedMemo(KEPT_READINGS, (name) => {
  const hans = [...name].filter(isHan);
  const choices = personNameSyllables(name)
    .map((syllable, index) => (syllable ? readingsOf(hans[index]!, syllable) : []))
    .filter((readings) => readings.length > 0);
  const readings = readingsOfName(choices);
  const keys = new Set<string>();
  for (const syllables of readings) addSpellings(keys, ' ', syllables);
  for (const syllables of readings) {
    for (let from = 1; from < syllables.length; from += 1) addSpellings(keys, '~', syllables.slice(from));
  }
  return [...keys].join('');
});

/** Readings of a whole name spelt at most: a four-character name of polyphones would otherwise make 81. */
export const READINGS_KEPT = 8;

/**
 * The name's syllables read each way its characters can be, those with fewer characters read otherwise than
 * in context first (a name has one polyphone far more often than two), at most READINGS_KEPT. Keeping the
 * best few of each prefix keeps the best few of the whole: a reading's prefix is read otherwise no more often.
 */
function readingsOfName(choices: string[][]): string[][] {
  let readings = [{ syllables: [] as string[], otherwise: 0 }];
  for (const choice of choices) {
    readings = readings
      .flatMap(({ syllables, otherwise }) => choice.map((syllable, index) => ({ syllables: [...syllables, syllable], otherwise: otherwise + (index > 0 ? 1 : 0) })))
      .sort((a, b) => a.otherwise - b.otherwise)
      .slice(0, READINGS_KEPT);
  }
  return readings.map(({ syllables }) => syllables);
}

/** Each character's toneless readings, kept: few characters start names. */
const charReadings = boundedMemo(KEPT_READINGS, (char) =>
  pinyinPro().pinyin(char, { toneType: 'none', type: 'array', v: true, multiple: true }).filter((reading) => /^[a-z]+$/.test(reading)),
);

/** Every toneless reading of a character, the one given first (曾: zeng, then ceng). */
function readingsOf(char: string, first: string): string[] {
  return [...new Set([first, ...charReadings(char)])];
}

/** The syllables spelt whole and as initials, each after `mark`, and again with u for v. */
function addSpellings(keys: Set<string>, mark: string, syllables: string[]): void {
  for (const key of [syllables.join(''), syllables.map((syllable) => syllable[0]).join('')]) {
    if (key.length < FEWEST_PINYIN_LETTERS) continue;
    keys.add(`${mark}${key}`);
    if (key.includes('v')) keys.add(`${mark}${key.replaceAll('v', 'u')}`);
  }
}

/**
 * GLOB patterns over personNamePinyin for typed text: `start` where a name's pinyin begins with it, `anywhere`
 * where any of its syllables does; null when the text is not a few Latin letters.
 */
export function pinyinPatterns(typed: string): { start: string; anywhere: string } | null {
  const letters = pinyinLetters(typed);
  return letters === null ? null : { start: `* ${letters}*`, anywhere: `*[ ~]${letters}*` };
}

/**
 * A while after the app starts, when nothing waits on this thread, loads the dictionary and reads the Address
 * Book's Chinese names ahead, a few hundred per turn of the event loop, so that neither the first suggestion
 * nor the first list sorted by sender pays them: with 5,000 of them, the first suggestion took 0.13 s cold and
 * 4.5 ms once they were read; reading ahead took 0.2 s, its longest turn 0.1 s (loading the dictionary), the
 * others under 11 ms. A book without Chinese names loads nothing. Never keeps the process alive.
 */
export function preparePersonNamePinyinSoon(names: () => string[], delayMs = 6000): () => void {
  let stopped = false;
  const timer = setTimeout(() => {
    const ahead = names().filter((name) => [...name].some(isHan));
    let at = 0;
    const readSome = () => {
      if (stopped) return;
      for (const end = Math.min(at + READ_AHEAD_CHUNK, ahead.length); at < end; at += 1) personNamePinyin(ahead[at]!);
      if (at < ahead.length) setImmediate(readSome).unref();
    };
    readSome();
  }, delayMs).unref();
  // Called when the core closes: the names are read from its database, closed then.
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

export function registerPersonNamePinyin(db: Db): void {
  db.function(PERSON_NAME_PINYIN, { deterministic: true }, (name: unknown) => personNamePinyin(String(name ?? '')));
}
