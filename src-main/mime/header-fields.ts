import type { Address } from '../ipc/contract';
import { NO_ADDRESS, parseAddressList } from './addresses';
import { decodeHeaderValue, headerText } from './header-value';
import { parseMailDate } from './mail-date';
import { firstHeader, type RawHeader } from './raw-headers';

/** The header fields a message list and a reader need, decoded. */
export interface HeaderFields {
  subject: string;
  from: Address;
  to: Address[];
  cc: Address[];
  /** Date header in ms since the epoch; null when missing or unreadable (the list then uses the arrival time). */
  date: number | null;
  messageId: string | null;
  inReplyTo: string | null;
}

/** "<id@host>" as the header gives it, or the bare id wrapped; null when empty. */
export function normalizeMessageId(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  const bracketed = /<[^<>\s]+>/.exec(text);
  if (bracketed) return bracketed[0];
  const bare = text.split(/\s+/)[0] ?? '';
  return bare ? `<${bare}>` : null;
}

/** Every header called `name` (To and Cc may repeat) as one address list. */
function addressesOf(headers: RawHeader[], name: string, charset: string | null, warnings: string[]): Address[] {
  return headers
    .filter((h) => h.name === name)
    .flatMap((h) => {
      const text = headerText(h.value, name, charset);
      const parsed = parseAddressList(text.text);
      warnings.push(...text.warnings, ...parsed.warnings.map((w) => `${name}: ${w}`));
      return parsed.addresses;
    });
}

function dateOf(headers: RawHeader[], warnings: string[]): number | null {
  const raw = firstHeader(headers, 'date');
  if (!raw) return null;
  const date = parseMailDate(raw.toString('latin1'));
  if (date === null) warnings.push(`unreadable Date header "${raw.toString('latin1').trim()}"`);
  return date;
}

/**
 * Decodes the list fields from raw header bytes. `bodyCharset` (the top
 * part's charset, when known) helps read raw 8-bit headers; see header-value.ts.
 */
export function readHeaderFields(headers: RawHeader[], bodyCharset: string | null = null): HeaderFields & { warnings: string[] } {
  const warnings: string[] = [];
  const subjectRaw = firstHeader(headers, 'subject');
  const subject = subjectRaw ? decodeHeaderValue(subjectRaw, 'subject', bodyCharset) : { text: '', warnings: [] };
  warnings.push(...subject.warnings);
  const from = addressesOf(headers, 'from', bodyCharset, warnings)[0] ?? addressesOf(headers, 'sender', bodyCharset, warnings)[0];
  return {
    subject: subject.text,
    from: from ?? NO_ADDRESS,
    to: addressesOf(headers, 'to', bodyCharset, warnings),
    cc: addressesOf(headers, 'cc', bodyCharset, warnings),
    date: dateOf(headers, warnings),
    messageId: normalizeMessageId(firstHeader(headers, 'message-id')?.toString('latin1')),
    inReplyTo: normalizeMessageId(firstHeader(headers, 'in-reply-to')?.toString('latin1')),
    warnings: [...new Set(warnings)],
  };
}
