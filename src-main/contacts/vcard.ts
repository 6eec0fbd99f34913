import type ICAL from 'ical.js';
import { WrenError } from '../errors/wren-error';
import { resolveCharset } from '../mime/charset';
import { decodeCharset } from '../mime/charset-decoder';
import { decodeText, guessCharset } from '../mime/decode-part';
import { decodeQuotedPrintable } from '../mime/quoted-printable';
import { icalJs } from '../system/first-use-packages';

type Component = InstanceType<typeof ICAL.Component>;

export interface VcardEntry {
  name: string;
  address: string;
}

/** What a vCard file holds: its addresses, and how many of its cards gave none (unreadable, or no address). */
export interface VcardFile {
  entries: VcardEntry[];
  skippedUnreadable: number;
  skippedNoAddress: number;
}

const LOOKS_LIKE_ADDRESS = /^[^\s@]+@[^\s@]+$/;

/** The name a card shows: FN, else its N parts in the order people write them. */
function nameOf(card: Component): string {
  const full = card.getFirstPropertyValue('fn');
  if (typeof full === 'string' && full.trim()) return full.trim();
  const parts = card.getFirstPropertyValue('n');
  if (!Array.isArray(parts)) return '';
  const [family = '', given = ''] = parts.map((part) => (Array.isArray(part) ? part.join(' ') : String(part ?? '')).trim());
  return [given, family].filter(Boolean).join(' ');
}

function addressesOf(card: Component): VcardEntry[] {
  const name = nameOf(card);
  return card.getAllProperties('email')
    .map((property) => String(property.getFirstValue() ?? '').replace(/^mailto:/i, '').trim())
    .filter((address) => LOOKS_LIKE_ADDRESS.test(address))
    .map((address) => ({ name, address }));
}

const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const CHARSET_LABEL = /;\s*CHARSET\s*=\s*"?([\w.:-]+)/gi;

/**
 * The file's text. UTF-8 when the bytes are valid UTF-8 (Thunderbird, Google, iPhone, Android today), UTF-16 by
 * its byte order mark (some Outlook exports), else as mail's unlabelled 8-bit text is guessed (guessCharset):
 * first the charset a card's CHARSET= names (a 2.1 card's GB2312 or Big5), then GB18030 if the bytes read as
 * Chinese (the GBK files Chinese phones export, often with no label at all), else windows-1252.
 */
export function vcardFileText(bytes: Buffer): string {
  if (UTF16LE_BOM.every((byte, i) => bytes[i] === byte)) return decodeCharset(bytes.subarray(2), 'utf-16le');
  if (UTF16BE_BOM.every((byte, i) => bytes[i] === byte)) return decodeCharset(bytes.subarray(2), 'utf-16be');
  let likely: string | null = null;
  for (const [, label] of bytes.toString('latin1').matchAll(CHARSET_LABEL)) {
    const plan = resolveCharset(label);
    if (plan.kind === 'iconv') {
      likely = plan.codec;
      break;
    }
  }
  return guessCharset(bytes, likely).text;
}

interface ContentLine {
  /** Everything before the value's colon: group, name and parameters. */
  head: string;
  value: string;
}

/** Splits a content line at the colon that ends its parameters (a quoted parameter value may hold one). */
function splitLine(line: string): ContentLine | null {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return { head: line.slice(0, i), value: line.slice(i + 1) };
  }
  return null;
}

/** The head's parts split at semicolons outside quotes: the name first, then each parameter. */
function splitHead(head: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === '"') quoted = !quoted;
    else if (head[i] === ';' && !quoted) {
      parts.push(head.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(head.slice(start));
  return parts;
}

/** ENCODING=QUOTED-PRINTABLE, or 2.1's bare QUOTED-PRINTABLE. */
const QUOTED_PRINTABLE = /;\s*(?:ENCODING\s*=\s*"?)?QUOTED-PRINTABLE/i;

/**
 * The file's logical lines: folded lines (CRLF then a space or tab) joined, and a quoted-printable value's soft
 * line breaks ("=" at the end of a line, the next line not indented: vCard 2.1 writes long values so) too.
 */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  for (const physical of text.split(/\r\n|\r|\n/)) {
    const last = lines.length - 1;
    const previous = lines[last];
    if (previous !== undefined && previous.endsWith('=') && QUOTED_PRINTABLE.test(splitLine(previous)?.head ?? '')) {
      lines[last] = previous.slice(0, -1) + physical;
    } else if (previous !== undefined && /^[ \t]/.test(physical)) lines[last] = previous + physical.slice(1);
    else if (physical.trim()) lines.push(physical);
  }
  return lines;
}

/** The file's cards, each its lines between BEGIN:VCARD and END:VCARD (a card inside a card, a 2.1 AGENT, dropped). */
function cardsOf(lines: string[]): string[][] | null {
  const cards: string[][] = [];
  let current: string[] | null = null;
  let depth = 0;
  for (const line of lines) {
    const marker = line.trim().toUpperCase();
    if (marker === 'BEGIN:VCARD') {
      depth += 1;
      if (depth === 1) current = [];
    } else if (marker === 'END:VCARD' && depth > 0) {
      depth -= 1;
      if (depth === 0 && current) cards.push(current);
      if (depth === 0) current = null;
    } else if (depth === 1 && current) current.push(line);
  }
  // A file cut short: its last card as far as it goes.
  if (current) cards.push(current);
  return cards.length ? cards : null;
}

/** A decoded value written back as vCard 3.0/4.0 text: line breaks escaped, so it stays one content line. */
function escapeBreaks(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A vCard 2.1 content line made one ical.js reads (it parses 3.0 and 4.0 only, and throws on the whole file at
 * the first 2.1 line): bare parameters (`EMAIL;INTERNET;PREF:`, `TEL;CELL:`) become TYPE=, and a
 * quoted-printable value is decoded in its CHARSET= (GB2312, Big5, UTF-8…; none: UTF-8 if valid, else guessed
 * as mail's unlabelled text is). Lines of 3.0 and 4.0 cards come back as they were.
 */
function normaliseLine(line: string): string {
  const split = splitLine(line);
  if (!split) return line;
  const [name = '', ...params] = splitHead(split.head);
  const types: string[] = [];
  const kept: string[] = [];
  let charset: string | null = null;
  let quotedPrintable = false;
  let bareSeen = false;
  for (const param of params) {
    const equals = param.indexOf('=');
    if (equals < 0) {
      bareSeen = true;
      // 2.1 lets a parameter's name go unsaid: an encoding's (QUOTED-PRINTABLE, BASE64, 8BIT) or else a TYPE's.
      const bare = param.trim().toUpperCase();
      if (bare === 'QUOTED-PRINTABLE') quotedPrintable = true;
      else if (bare === 'BASE64') kept.push('ENCODING=b');
      else if (bare && bare !== '8BIT' && bare !== '7BIT') types.push(param.trim());
      continue;
    }
    const key = param.slice(0, equals).trim().toUpperCase();
    const value = param.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1');
    if (key === 'ENCODING' && value.toUpperCase() === 'QUOTED-PRINTABLE') quotedPrintable = true;
    else if (key === 'CHARSET') charset = value;
    else kept.push(param);
  }
  if (!bareSeen && !quotedPrintable) return line;
  let value = split.value;
  if (quotedPrintable) {
    const { bytes } = decodeQuotedPrintable(Buffer.from(value, 'utf8'));
    value = escapeBreaks(decodeText(bytes, charset).text);
  } else if (charset) kept.push(`CHARSET=${charset}`);
  if (types.length) kept.push(`TYPE=${types.join(',')}`);
  return `${[name, ...kept].join(';')}:${value}`;
}

/** Only what Wren reads of a card: when the rest of it (a photo, a birthday) is more than ical.js accepts. */
const NEEDED = /^(?:[\w-]+\.)?(?:VERSION|FN|N|EMAIL)[;:]/i;

function parseCard(lines: string[]): Component | null {
  const ical = icalJs();
  const attempt = (body: string[]): Component | null => {
    try {
      const jcard = ical.parse(['BEGIN:VCARD', ...body, 'END:VCARD', ''].join('\r\n'));
      const one = Array.isArray(jcard) && jcard[0] === 'vcard' ? jcard : Array.isArray(jcard) ? jcard[0] : null;
      const card = one ? new ical.Component(one as unknown[]) : null;
      return card?.name === 'vcard' ? card : null;
    } catch {
      return null;
    }
  };
  const normalised = lines.map(normaliseLine);
  return attempt(normalised) ?? attempt(normalised.filter((line) => NEEDED.test(line)));
}

/**
 * The addresses of a vCard file (2.1, 3.0 or 4.0, one card or many, as Thunderbird, Outlook, Google and phones
 * export them), read with ical.js card by card, so that a card it cannot read loses only itself: one entry per
 * EMAIL, named by the card. Cards with no address, and those unreadable even by their FN, N and EMAIL alone, are
 * counted. Text with no BEGIN:VCARD at all is refused (NotVcardFile).
 */
export function readVcards(file: string | Buffer): VcardFile {
  const text = typeof file === 'string' ? file : vcardFileText(file);
  const cards = cardsOf(logicalLines(text));
  if (!cards) throw new WrenError('NotVcardFile', 'The file is not a vCard file: it holds no BEGIN:VCARD.');
  const result: VcardFile = { entries: [], skippedUnreadable: 0, skippedNoAddress: 0 };
  for (const lines of cards) {
    const card = parseCard(lines);
    if (!card) {
      result.skippedUnreadable += 1;
      continue;
    }
    const entries = addressesOf(card);
    if (entries.length) result.entries.push(...entries);
    else result.skippedNoAddress += 1;
  }
  return result;
}

/** A vCard 4.0 file of the entries (FN and EMAIL), CRLF and folded as RFC 6350 asks. */
export function writeVcards(entries: VcardEntry[]): string {
  const ical = icalJs();
  return entries
    .map(({ name, address }) => {
      const card = new ical.Component('vcard');
      card.updatePropertyWithValue('version', '4.0');
      card.updatePropertyWithValue('fn', name || address);
      card.addPropertyWithValue('email', address);
      return `${card.toString()}\r\n`;
    })
    .join('');
}
