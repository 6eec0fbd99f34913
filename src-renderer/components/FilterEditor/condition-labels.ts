import type { FilterCondition, FilterPriority, FilterStatus, MessageTag } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { TAG_LOOKS } from '../TagChips';

/** What a condition looks at, in words (the form's list and the filter's sentence). */
export const FIELD_LABELS: Record<FilterCondition['field'], StringKey> = {
  from: 'msgFilter.from', recipients: 'msgFilter.recipients', subject: 'msgFilter.subject', size: 'msgFilter.size', age: 'msgFilter.age', status: 'msgFilter.status',
  priority: 'msgFilter.priority', tag: 'msgFilter.tag', header: 'msgFilter.header', body: 'msgFilter.body',
};

/** What a condition looks at as the filter's sentence says it: a header condition by its header's name (List-Id). */
export function conditionFieldWords(condition: FilterCondition, t: (key: StringKey) => string): string {
  return condition.field === 'header' && condition.header ? headerNameWords(condition.header) : t(FIELD_LABELS[condition.field]);
}

/** A header's name kept lower-case, written as mail writes it: list-id → List-Id. */
export function headerNameWords(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** A status condition's values, in words. */
export const STATUS_LABELS: Record<FilterStatus, StringKey> = {
  read: 'msgFilter.status.read', flagged: 'msgFilter.status.flagged', answered: 'msgFilter.status.answered', attachment: 'msgFilter.status.attachment',
};

/** A priority condition's values, in the composer's words for them. */
const PRIORITY_LABELS: Record<FilterPriority, StringKey> = { high: 'compose.priority.high', normal: 'compose.priority.normal', low: 'compose.priority.low' };

/** The words of a value picked from a list (a status, a priority, a tag); undefined for one typed. */
export function choiceLabel(field: FilterCondition['field'], value: string): StringKey | undefined {
  if (field === 'status') return STATUS_LABELS[value as FilterStatus];
  if (field === 'priority') return PRIORITY_LABELS[value as FilterPriority];
  return field === 'tag' ? TAG_LOOKS[value as MessageTag]?.label : undefined;
}

/** A condition's value as the filter's sentence says it: a status, a priority or a tag in words, a size or an age as its number (the field's name says the unit), text quoted. */
export function conditionValueWords(condition: FilterCondition, t: (key: StringKey) => string): string {
  const chosen = choiceLabel(condition.field, condition.text);
  if (chosen) return t(chosen);
  if (condition.field === 'size' || condition.field === 'age') return condition.text;
  return `“${condition.text}”`;
}

/** Thunderbird's words for its rule operators (the form's list and the filter's sentence). */
export const OPERATOR_LABELS: Record<FilterCondition['operator'], StringKey> = {
  contains: 'msgFilter.contains', doesNotContain: 'msgFilter.doesNotContain', is: 'msgFilter.is', isNot: 'msgFilter.isNot',
  beginsWith: 'msgFilter.beginsWith', endsWith: 'msgFilter.endsWith', isGreaterThan: 'msgFilter.isGreaterThan', isLessThan: 'msgFilter.isLessThan',
};
