import type { FilterCondition } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';

/** What a condition looks at, in words (the form's list and the filter's sentence). */
export const FIELD_LABELS: Record<FilterCondition['field'], StringKey> = {
  from: 'msgFilter.from', recipients: 'msgFilter.recipients', subject: 'msgFilter.subject', size: 'msgFilter.size',
};

/** Thunderbird's words for its rule operators (the form's list and the filter's sentence). */
export const OPERATOR_LABELS: Record<FilterCondition['operator'], StringKey> = {
  contains: 'msgFilter.contains', doesNotContain: 'msgFilter.doesNotContain', is: 'msgFilter.is', isNot: 'msgFilter.isNot',
  beginsWith: 'msgFilter.beginsWith', endsWith: 'msgFilter.endsWith', isGreaterThan: 'msgFilter.isGreaterThan', isLessThan: 'msgFilter.isLessThan',
};
