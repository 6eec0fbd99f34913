import type ICAL from 'ical.js';
import { WrenError } from '../errors/wren-error';
import { icalJs } from '../system/first-use-packages';
import { vcardFileText } from './vcard-file-text';
import { logicalLines, normaliseLine } from './vcard-lines';

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
