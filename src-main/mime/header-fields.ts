import type { Address } from '../ipc/contract';
import { NO_ADDRESS, parseAddressList } from './addresses';
import { decodeHeaderValue, headerText } from './header-value';
import { parseMailDate } from './mail-date';
import { firstHeader, type RawHeader } from './raw-headers';
import { codedWarning, warningAt } from '../errors/warning-codes';
import { priorityOf, type MessagePriority } from './message-priority';
import type { WordCharset } from './chosen-encoding';

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
  /**
   * The first Message-ID of References: by convention (RFC 5322 3.6.4) the thread's first message. It
   * joins a reply to its thread when the message it answers is missing here (deleted, in another
   * folder, never received). Null without References, or when it names the message itself.
   */
  threadRoot: string | null;
  /** X-Priority or Importance (message-priority.ts): the list marks high and low. */
  priority: MessagePriority;
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

/** The thread's first Message-ID from a References header (see HeaderFields.threadRoot). */
export function threadRootOf(references: string | null, messageId: string | null): string | null {
  const root = normalizeMessageId(references);
  return root === messageId ? null : root;
}

/** Every header called `name` (To and Cc may repeat) as one address list. */
function addressesOf(headers: RawHeader[], name: string, charset: string | null, warnings: string[], wordCharset: WordCharset | undefined): Address[] {
  const addresses: Address[] = [];
  for (const header of headers) {
    if (header.name !== name) continue;
    const text = headerText(header.value, name, charset);
    const parsed = parseAddressList(text.text, wordCharset);
    for (const warning of text.warnings) warnings.push(warning);
    for (const warning of parsed.warnings) warnings.push(warningAt({ header: name }, warning));
    for (const address of parsed.addresses) addresses.push(address);
  }
  return addresses;
}

function dateOf(headers: RawHeader[], warnings: string[]): number | null {
  const raw = firstHeader(headers, 'date');
  if (raw === null) return null;
  const date = parseMailDate(raw);
  if (date === null) warnings.push(codedWarning('DateUnreadable', { raw: raw.trim(), text: `unreadable Date header "${raw.trim()}"` }));
  return date;
}

/**
 * Decodes the list fields from raw header bytes. `bodyCharset` (the top
 * part's charset, when known) helps read raw 8-bit headers; see header-value.ts.
 * `wordCharset`: the labels encoded words are read with when a reader chose the
 * message's text encoding (see chosenEncodingForWords).
 */
export function readHeaderFields(headers: RawHeader[], bodyCharset: string | null = null, wordCharset?: WordCharset): HeaderFields & { warnings: string[] } {
  const warnings: string[] = [];
  const subjectRaw = firstHeader(headers, 'subject');
  const subject = subjectRaw ? decodeHeaderValue(subjectRaw, 'subject', bodyCharset, wordCharset) : { text: '', warnings: [] };
  for (const warning of subject.warnings) warnings.push(warning);
  const from = addressesOf(headers, 'from', bodyCharset, warnings, wordCharset)[0] ?? addressesOf(headers, 'sender', bodyCharset, warnings, wordCharset)[0];
  const messageId = normalizeMessageId(firstHeader(headers, 'message-id'));
  return {
    subject: subject.text,
    from: from ?? NO_ADDRESS,
    to: addressesOf(headers, 'to', bodyCharset, warnings, wordCharset),
    cc: addressesOf(headers, 'cc', bodyCharset, warnings, wordCharset),
    date: dateOf(headers, warnings),
    messageId,
    inReplyTo: normalizeMessageId(firstHeader(headers, 'in-reply-to')),
    threadRoot: threadRootOf(firstHeader(headers, 'references'), messageId),
    priority: priorityOf(headers),
    warnings: warnings.length ? [...new Set(warnings)] : warnings,
  };
}
