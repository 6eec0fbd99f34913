import type { Address } from '../ipc/mail-shapes';
import type { FilterCondition, FilterStatus, MessageFilter, NumberOperator, TextOperator } from '../ipc/filter-shapes';
import { decodeHeaderValue } from '../mime/header-value';
import type { MessagePriority } from '../mime/message-priority';
import type { RawHeader } from '../mime/raw-headers';

/** What a filter's conditions look at in a message. */
export interface FilteredMessage {
  from: Address;
  to: readonly Address[];
  cc: readonly Address[];
  subject: string;
  /** In bytes. */
  size: number;
  /** When it was sent (the Date header, else its arrival), ms: the date the list shows. */
  date: number;
  seen: boolean;
  flagged: boolean;
  answered: boolean;
  hasAttachments: boolean;
  priority: MessagePriority;
  /** Its keywords, tags among them. */
  keywords: readonly string[];
}

/**
 * What the conditions read beyond the list's row, read only when a condition asks: the header fields and the
 * body's text. Absent: not read yet; null: could not be read (offline, gone from the server).
 */
export interface MessageContent {
  headers?: readonly RawHeader[] | null;
  body?: string | null;
}

/** What a filter's conditions need read for one message: its header fields, its body, both or neither. */
export interface ContentNeeds {
  headers: boolean;
  body: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

type Compare = (text: string, wanted: string) => boolean;
const contains: Compare = (text, wanted) => text.includes(wanted);
const equals: Compare = (text, wanted) => text === wanted;

/**
 * How each operator compares one text of the message with the condition's, both lower-cased; a negated one
 * holds when no text of the field compares (none of the recipients "is" x).
 */
const OPERATORS: Record<TextOperator, { compare: Compare; negated: boolean }> = {
  contains: { compare: contains, negated: false },
  doesNotContain: { compare: contains, negated: true },
  is: { compare: equals, negated: false },
  isNot: { compare: equals, negated: true },
  beginsWith: { compare: (text, wanted) => text.startsWith(wanted), negated: false },
  endsWith: { compare: (text, wanted) => text.endsWith(wanted), negated: false },
};

/**
 * Whether the message meets the filter's conditions (all of them, or any one), whatever the case. For people,
 * a name or an address compares ("example.com" is in every sender of that domain; "is" wants the whole name or
 * address). No pattern language: what the user typed is what is looked for. Ages count whole days back from `now`.
 * Null when the answer hangs on a header field or the body not read yet (`content`); a condition on content that
 * could not be read holds neither way, so a filter never acts on what it could not see.
 */
export function filterVerdict(filter: Pick<MessageFilter, 'match' | 'conditions'>, message: FilteredMessage, now: number, content: MessageContent = {}): boolean | null {
  let unknown = false;
  for (const condition of filter.conditions) {
    const holds = conditionHolds(condition, message, now, content);
    if (holds === null) unknown = true;
    else if (holds === (filter.match === 'any')) return holds;
  }
  return unknown ? null : filter.match === 'all';
}

/** filterVerdict with nothing read beyond the row: a condition on the header fields or the body does not hold. */
export function matchesFilter(filter: Pick<MessageFilter, 'match' | 'conditions'>, message: FilteredMessage, now: number): boolean {
  return filterVerdict(filter, message, now, { headers: null, body: null }) === true;
}

/** What the filter's conditions would read: its header and body conditions. */
export function contentNeeds(filter: Pick<MessageFilter, 'conditions'>): ContentNeeds {
  return { headers: filter.conditions.some((c) => c.field === 'header'), body: filter.conditions.some((c) => c.field === 'body') };
}

function conditionHolds(condition: FilterCondition, message: FilteredMessage, now: number, content: MessageContent): boolean | null {
  // A condition's operator goes with its field (FilterCondition refuses the others).
  if (condition.field === 'size') return compares(condition.operator as NumberOperator, message.size, Number(condition.text) * 1024);
  if (condition.field === 'age') return compares(condition.operator as NumberOperator, Math.floor((now - message.date) / DAY_MS), Number(condition.text));
  if (condition.field === 'status') return hasStatus(message, condition.text as FilterStatus) === (condition.operator === 'is');
  if (condition.field === 'priority') return (message.priority === condition.text) === (condition.operator === 'is');
  if (condition.field === 'tag') return message.keywords.includes(condition.text) === (condition.operator === 'is');
  const texts = textsOf(condition, message, content);
  if (texts === undefined) return null;
  if (texts === null) return false;
  const wanted = condition.text.toLocaleLowerCase();
  const { compare, negated } = OPERATORS[condition.operator as TextOperator];
  const found = texts.some((text) => compare(text.toLocaleLowerCase(), wanted));
  return negated ? !found : found;
}

/** The texts a text condition compares: undefined when they are not read yet, null when they could not be. */
function textsOf(condition: FilterCondition, message: FilteredMessage, content: MessageContent): string[] | null | undefined {
  if (condition.field === 'body') return content.body === undefined || content.body === null ? content.body : [content.body];
  if (condition.field !== 'header') return fieldText(condition.field as 'from' | 'recipients' | 'subject', message);
  if (content.headers === undefined || content.headers === null) return content.headers;
  // Every field of that name (Received, say, comes many times); one that is absent has no text, so "does not contain" holds.
  return content.headers.filter((header) => header.name === condition.header).map((header) => decodeHeaderValue(header.value, header.name).text.trim());
}

/** Thunderbird's "Size (KB)" (the size in bytes against the KB given) and "Age in Days". */
function compares(operator: NumberOperator, value: number, limit: number): boolean {
  return operator === 'isGreaterThan' ? value > limit : value < limit;
}

function hasStatus(message: FilteredMessage, status: FilterStatus): boolean {
  switch (status) {
    case 'read':
      return message.seen;
    case 'flagged':
      return message.flagged;
    case 'answered':
      return message.answered;
    case 'attachment':
      return message.hasAttachments;
  }
}

function fieldText(field: 'from' | 'recipients' | 'subject', message: FilteredMessage): string[] {
  const people = (addresses: readonly Address[]) => addresses.flatMap((address) => [address.name, address.address].filter(Boolean));
  switch (field) {
    case 'from':
      return people([message.from]);
    case 'recipients':
      return people([...message.to, ...message.cc]);
    case 'subject':
      return [message.subject];
  }
}
