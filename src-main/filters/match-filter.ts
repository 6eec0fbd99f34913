import type { Address } from '../ipc/mail-shapes';
import type { FilterCondition, MessageFilter, SizeOperator, TextOperator } from '../ipc/filter-shapes';

/** What a filter's conditions look at in a message. */
export interface FilteredMessage {
  from: Address;
  to: readonly Address[];
  cc: readonly Address[];
  subject: string;
  /** In bytes. */
  size: number;
}

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
 * address). No pattern language: what the user typed is what is looked for.
 */
export function matchesFilter(filter: Pick<MessageFilter, 'match' | 'conditions'>, message: FilteredMessage): boolean {
  const holds = (condition: FilterCondition) => {
    // A condition's operator goes with its field (FilterCondition refuses the others).
    if (condition.field === 'size') return sizeHolds(condition.operator as SizeOperator, Number(condition.text), message.size);
    const wanted = condition.text.toLocaleLowerCase();
    const { compare, negated } = OPERATORS[condition.operator as TextOperator];
    const found = fieldText(condition.field, message).some((text) => compare(text.toLocaleLowerCase(), wanted));
    return negated ? !found : found;
  };
  return filter.match === 'all' ? filter.conditions.every(holds) : filter.conditions.some(holds);
}

/** Thunderbird's "Size (KB)": the message's size in KB against the condition's. */
function sizeHolds(operator: SizeOperator, kb: number, bytes: number): boolean {
  return operator === 'isGreaterThan' ? bytes > kb * 1024 : bytes < kb * 1024;
}

function fieldText(field: Exclude<FilterCondition['field'], 'size'>, message: FilteredMessage): string[] {
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
