import type ICAL from 'ical.js';
import { icalJs } from '../system/first-use-packages';

type Component = InstanceType<typeof ICAL.Component>;

export interface VcardEntry {
  name: string;
  address: string;
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

/**
 * The addresses of a vCard file (3.0 or 4.0, one card or many, as Thunderbird, Outlook, Google and
 * phones export them), read with ical.js: one entry per EMAIL, named by the card. Cards without an
 * address, and text that is no vCard, give nothing.
 */
export function readVcards(text: string): VcardEntry[] {
  const ical = icalJs();
  let parsed: unknown;
  try {
    parsed = ical.parse(text);
  } catch {
    return [];
  }
  // One card parses to its jCard, several to a list of them.
  const cards = (Array.isArray(parsed) && parsed[0] === 'vcard' ? [parsed] : Array.isArray(parsed) ? parsed : [])
    .map((jcard) => new ical.Component(jcard as unknown[]))
    .filter((card) => card.name === 'vcard');
  return cards.flatMap((card) => {
    const name = nameOf(card);
    return card.getAllProperties('email')
      .map((property) => String(property.getFirstValue() ?? '').replace(/^mailto:/i, '').trim())
      .filter((address) => LOOKS_LIKE_ADDRESS.test(address))
      .map((address) => ({ name, address }));
  });
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
