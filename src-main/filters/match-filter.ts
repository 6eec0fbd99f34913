import type { Address } from '../ipc/mail-shapes';
import type { FilterCondition, MessageFilter } from '../ipc/filter-shapes';

/** What a filter's conditions look at in a message. */
export interface FilteredMessage {
  from: Address;
  to: readonly Address[];
  cc: readonly Address[];
  subject: string;
}

/**
 * Whether the message meets the filter's conditions (all of them, or any one). A condition holds when its
 * text is in the field, whatever the case: for people, in a name or an address ("example.com" meets every
 * sender of that domain). No pattern language: what the user typed is what is looked for.
 */
export function matchesFilter(filter: Pick<MessageFilter, 'match' | 'conditions'>, message: FilteredMessage): boolean {
  const holds = (condition: FilterCondition) => fieldText(condition.field, message).some((text) => text.toLocaleLowerCase().includes(condition.contains.toLocaleLowerCase()));
  return filter.match === 'all' ? filter.conditions.every(holds) : filter.conditions.some(holds);
}

function fieldText(field: FilterCondition['field'], message: FilteredMessage): string[] {
  const people = (addresses: readonly Address[]) => addresses.flatMap((address) => [address.name, address.address]);
  switch (field) {
    case 'from':
      return people([message.from]);
    case 'recipients':
      return people([...message.to, ...message.cc]);
    case 'subject':
      return [message.subject];
  }
}
