import { decodeText } from './decode-part';
import { decodeQuotedPrintable } from './quoted-printable';
import { codedWarning } from '../errors/warning-codes';
import type { WordCharset } from './chosen-encoding';

/** One RFC 2047 encoded word: =?charset[*lang]?B|Q?payload?= */
const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
/** The start of an encoded word whose "?=" never comes. */
const UNTERMINATED = /=\?[^?\s]+\?[BbQq]\?/;
const BASE64_PAYLOAD = /^[A-Za-z0-9+/]*={0,2}$/;

/** A word's bytes are kept as chunks and joined once: concatenating per word is quadratic on long runs. */
type Piece = { kind: 'text'; text: string } | { kind: 'word'; charset: string; chunks: Buffer[] };

/** The bytes an encoded word carries, or null when its payload cannot be what it claims. */
function payloadBytes(encoding: string, payload: string): { bytes: Buffer; invalid: number } | null {
  if (encoding.toUpperCase() === 'B') {
    if (!BASE64_PAYLOAD.test(payload) || payload.replace(/=+$/, '').length % 4 === 1) return null;
    return { bytes: Buffer.from(payload, 'base64'), invalid: 0 };
  }
  return decodeQuotedPrintable(Buffer.from(payload.replace(/_/g, ' '), 'utf8'));
}

function pushText(pieces: Piece[], text: string): void {
  const last = pieces.at(-1);
  if (last?.kind === 'text') last.text += text;
  else if (text) pieces.push({ kind: 'text', text });
}

/**
 * Adjacent words in one charset are joined as bytes before decoding: mailers
 * split long Chinese subjects between the two bytes of a character.
 */
function pushWord(pieces: Piece[], charset: string, bytes: Buffer): void {
  const last = pieces.at(-1);
  if (last?.kind === 'word' && last.charset === charset) last.chunks.push(bytes);
  else pieces.push({ kind: 'word', charset, chunks: [bytes] });
}

function splitIntoPieces(value: string, warnings: string[]): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of value.matchAll(ENCODED_WORD)) {
    const [word, label = '', encoding = '', payload = ''] = match;
    const between = value.slice(last, match.index);
    last = match.index + word.length;
    const decoded = payloadBytes(encoding, payload);
    if (!decoded) {
      warnings.push(codedWarning('EncodedWordBroken', { word, text: `broken encoded word ${word} shown as is` }));
      pushText(pieces, between + word);
      continue;
    }
    if (decoded.invalid) warnings.push(codedWarning('EncodedWordBadEscape', { word, text: `invalid escape in encoded word ${word}, kept as is` }));
    // RFC 2047 6.2: white space between two encoded words is not displayed.
    if (!(pieces.at(-1)?.kind === 'word' && /^\s*$/.test(between))) pushText(pieces, between);
    pushWord(pieces, (label.split('*')[0] ?? '').toLowerCase(), decoded.bytes);
  }
  pushText(pieces, value.slice(last));
  return pieces;
}

export interface DecodedWords {
  readonly text: string;
  readonly warnings: readonly string[];
}

/**
 * Results by input, for the values that repeat across a mailbox: the names of
 * regular correspondents, the user's own name in To, a thread's subject.
 * Decoding is a pure function of the value, so a hit gives what decoding
 * would. Bounded in entries and key length, and emptied when full: simpler
 * than LRU, and a sync's repeating values are back in it at once.
 */
const MEMO_ENTRIES = 2000;
const MEMO_KEY_LENGTH = 512;
const memo = new Map<string, DecodedWords>();

/** Empties the memo: a benchmark's runs must each start cold, as a sync of new mail does. */
export function forgetDecodedWords(): void {
  memo.clear();
}

/**
 * Decodes RFC 2047 encoded words with our charset rules (gb2312 read as
 * GB18030 and so on). Nothing is dropped: a broken word stays as literal
 * text and earns a warning, so the reader still sees what the sender wrote.
 * The result may be shared between calls (it is frozen). `wordCharset`: the
 * label each word is decoded with instead of its own (a reader's chosen text
 * encoding; see chosenEncodingForWords), never kept in the memo.
 */
export function decodeEncodedWords(value: string, wordCharset?: WordCharset): DecodedWords {
  if (!value.includes('=?')) return { text: value, warnings: [] };
  if (wordCharset) return Object.freeze(decode(value, wordCharset));
  const known = memo.get(value);
  if (known) return known;
  const decoded = Object.freeze(decode(value));
  if (value.length <= MEMO_KEY_LENGTH) {
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    // A copy of its own: `value` may be a slice of a message's header text, which the key would keep alive.
    memo.set((` ${value}`).slice(1), decoded);
  }
  return decoded;
}

function decode(value: string, wordCharset: WordCharset = (label) => label): DecodedWords {
  const warnings: string[] = [];
  const text = splitIntoPieces(value, warnings)
    .map((piece) => {
      if (piece.kind === 'text') {
        // Only text holding "=?" can hold the start of an unterminated word.
        if (piece.text.includes('=?') && UNTERMINATED.test(piece.text.replace(ENCODED_WORD, ''))) warnings.push(codedWarning('EncodedWordUnterminated', { text: 'unterminated encoded word shown as is' }));
        return piece.text;
      }
      const bytes = piece.chunks.length === 1 ? piece.chunks[0]! : Buffer.concat(piece.chunks);
      const decoded = decodeText(bytes, wordCharset(piece.charset));
      warnings.push(...decoded.warnings);
      return decoded.text;
    })
    .join('');
  return { text, warnings: Object.freeze([...new Set(warnings)]) };
}
