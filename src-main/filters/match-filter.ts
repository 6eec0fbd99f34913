import type { Address } from '../ipc/mail-shapes';
import type { FilterCondition, FilterStatus, MessageFilter, NumberOperator, TextOperator } from '../ipc/filter-shapes';

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
 */
export function matchesFilter(filter: Pick<MessageFilter, 'match' | 'conditions'>, message: FilteredMessage, now: number): boolean {
  const holds = (condition: FilterCondition) => {
    // A condition's operator goes with its field (FilterCondition refuses the others).
    if (condition.field === 'size') return compares(condition.operator as NumberOperator, message.size, Number(condition.text) * 1024);
    if (condition.field === 'age') return compares(condition.operator as NumberOperator, Math.floor((now - message.date) / DAY_MS), Number(condition.text));
    if (condition.field === 'status') return hasStatus(message, condition.text as FilterStatus) === (condition.operator === 'is');
    const wanted = condition.text.toLocaleLowerCase();
    const { compare, negated } = OPERATORS[condition.operator as TextOperator];
    const found = fieldText(condition.field, message).some((text) => compare(text.toLocaleLowerCase(), wanted));
    return negated ? !found : found;
  };
  return filter.match === 'all' ? filter.conditions.every(holds) : filter.conditions.some(holds);
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
