import type { Address } from '../ipc/contract';
import { bigramsOf } from '../search/cjk-bigrams';

/** What the junk filter reads of a message: its headers, its body's plain text, its HTML (for links), its attachments' types. */
export interface TokenSource {
  subject: string;
  from: Address;
  to: readonly Address[];
  /** The body as plain text (an HTML body's text too), '' when not downloaded. */
  text: string;
  html: string | null;
  attachmentTypes: readonly string[];
}

/** A message adds at most this many distinct tokens: a 5 MB log would otherwise weigh as much as a thousand spams. */
export const MAX_TOKENS = 1500;
const MIN_WORD = 3;
const MAX_WORD = 20;

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]+/gu;
const WORD_SPLIT = /[^\p{L}\p{N}$\u20ac\u00a3\u00a5'\u2019-]+/u;
const URL_HOST = /\b(?:https?:\/\/|www\.)([a-z0-9.-]+\.[a-z]{2,})/gi;

/**
 * The tokens of a message, each once, for the junk filter (training and scoring alike). Hand-written: the npm
 * classifiers (bayes, natural) tokenise English words only, and spam that Chinese readers receive is mostly
 * Chinese, written without spaces. So words are cut as the search index cuts them, CJK runs as overlapping
 * bigrams. Words carry where they stood ("subject:", the body's plain words), as Thunderbird's tokenizer does, since
 * "free" in a subject says more than in a body. Links add their host and its last two labels; the sender adds
 * its address and domain; very long words add only their first letter and length ("skip:"), which is what
 * base64 blobs and tracking ids have in common.
 */
export function junkTokens(source: TokenSource): string[] {
  const tokens = new Set<string>();
  const add = (token: string) => tokens.size < MAX_TOKENS && tokens.add(token);
  const from = source.from.address.toLowerCase();
  if (from) {
    add(`from:${from}`);
    add(`fromdomain:${from.slice(from.lastIndexOf('@') + 1)}`);
  }
  for (const word of wordsOf(source.from.name)) add(`fromname:${word}`);
  if (source.to.length > 5) add(`to:many`);
  for (const word of wordsOf(source.subject)) add(`subject:${word}`);
  for (const type of source.attachmentTypes) add(`attachment:${type.toLowerCase()}`);
  // HTML whose text has no words at all: a picture alone, as image spam is sent to get past word filters.
  if (source.html !== null && source.text.trim() === '') add('html:no-words');
  for (const host of hostsOf(`${source.text}\n${source.html ?? ''}`)) {
    add(`url:${host}`);
    add(`url:${host.split('.').slice(-2).join('.')}`);
  }
  for (const word of wordsOf(source.text)) add(word);
  return [...tokens];
}

/** Lower-case words of 3 to 20 letters, CJK runs as bigrams, longer words as "skip:" with their first letter and length by tens. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  const rest = text.normalize('NFKC').toLowerCase().replace(CJK_RUN, (run) => {
    words.push(...bigramsOf(run));
    return ' ';
  });
  for (const word of rest.split(WORD_SPLIT)) {
    const length = [...word].length;
    if (length > MAX_WORD) words.push(`skip:${[...word][0]} ${Math.floor(length / 10) * 10}`);
    else if (length >= MIN_WORD && !/^\d+$/.test(word)) words.push(word);
  }
  return words;
}

function hostsOf(text: string): Set<string> {
  const hosts = new Set<string>();
  for (const match of text.matchAll(URL_HOST)) hosts.add(match[1]!.toLowerCase().replace(/\.$/, ''));
  return hosts;
}
