import type { Address } from '../ipc/mail-shapes';
import type { FilterCondition, FilterOperator, MessageFilter } from '../ipc/filter-shapes';

/** What a filter's conditions look at in a message. */
export interface FilteredMessage {
  from: Address;
  to: readonly Address[];
  cc: readonly Address[];
  subject: string;
}

/** How each operator compares one text of the message with the condition's, both lower-cased. */
const COMPARES: Record<FilterOperator, (text: string, wanted: string) => boolean> = {
  contains: (text, wanted) => text.includes(wanted),
  doesNotContain: (text, wanted) => text.includes(wanted),
  is: (text, wanted) => text === wanted,
  isNot: (text, wanted) => text === wanted,
  beginsWith: (text, wanted) => text.startsWith(wanted),
  endsWith: (text, wanted) => text.endsWith(wanted),
};

/** The operators that hold when no text of the field compares (none of the recipients "is" x). */
const NEGATED: ReadonlySet<FilterOperator> = new Set(['doesNotContain', 'isNot']);

/**
 * Whether the message meets the filter's conditions (all of them, or any one), whatever the case. For people,
 * a name or an address compares ("example.com" is in every sender of that domain; "is" wants the whole name or
 * address). No pattern language: what the user typed is what is looked for.
 */
export function matchesFilter(filter: Pick<MessageFilter, 'match' | 'conditions'>, message: FilteredMessage): boolean {
  const holds = (condition: FilterCondition) => {
    const wanted = condition.text.toLocaleLowerCase();
    const compare = COMPARES[condition.operator];
    const found = fieldText(condition.field, message).some((text) => compare(text.toLocaleLowerCase(), wanted));
    return NEGATED.has(condition.operator) ? !found : found;
  };
  return filter.match === 'all' ? filter.conditions.every(holds) : filter.conditions.some(holds);
}

function fieldText(field: FilterCondition['field'], message: FilteredMessage): string[] {
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
