import { describe, expect, it } from 'vitest';
import { matchesFilter, type FilteredMessage } from '../../../src-main/filters/match-filter';
import { FilterCondition, type FilterOperator } from '../../../src-main/ipc/filter-shapes';

const message: FilteredMessage = {
  from: { name: '张伟', address: 'zhang.wei@Example.COM' },
  to: [{ name: 'Bob', address: 'bob@example.test' }],
  cc: [{ name: 'Team List', address: 'team@lists.example.org' }],
  subject: '【通知】Quarterly Report 季度报告',
  size: 600 * 1024,
  date: new Date(2026, 10, 1, 9).getTime(),
  seen: false,
  flagged: true,
  answered: false,
  hasAttachments: true,
};

/** When the filters run: 35 days and some hours after the message was sent. */
const NOW = new Date(2026, 11, 6, 15).getTime();

describe('matchesFilter', () => {
  it('looks for the text in the sender\'s name or address, whatever the case', () => {
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'from', operator: 'contains', text: 'example.com' }] }, message, NOW)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'from', operator: 'contains', text: '张伟' }] }, message, NOW)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'from', operator: 'contains', text: 'bob' }] }, message, NOW)).toBe(false);
  });

  it('finds recipients in To and Cc, and Chinese words in the subject', () => {
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'recipients', operator: 'contains', text: 'lists.example.org' }] }, message, NOW)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', operator: 'contains', text: '季度报告' }] }, message, NOW)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', operator: 'contains', text: 'quarterly' }] }, message, NOW)).toBe(true);
  });

  it('all needs every condition, any one of them', () => {
    const conditions = [{ field: 'subject', operator: 'contains', text: '通知' }, { field: 'from', operator: 'contains', text: 'nobody' }] as const;
    expect(matchesFilter({ match: 'all', conditions: [...conditions] }, message, NOW)).toBe(false);
    expect(matchesFilter({ match: 'any', conditions: [...conditions] }, message, NOW)).toBe(true);
  });

  it('compares as Thunderbird\'s operators do: is, begins, ends with a whole name or address; the negative ones when none does', () => {
    const holds = (field: 'from' | 'recipients' | 'subject', operator: FilterOperator, text: string) => matchesFilter({ match: 'all', conditions: [{ field, operator, text }] }, message, NOW);
    expect(holds('from', 'is', 'ZHANG.WEI@example.com')).toBe(true);
    expect(holds('from', 'is', 'example.com')).toBe(false);
    expect(holds('recipients', 'is', 'Team List')).toBe(true);
    expect(holds('subject', 'beginsWith', '【通知】')).toBe(true);
    expect(holds('subject', 'endsWith', '季度报告')).toBe(true);
    expect(holds('subject', 'endsWith', 'report')).toBe(false);
    expect(holds('recipients', 'endsWith', '@lists.example.org')).toBe(true);
    // Negative: none of the recipients' names and addresses compares.
    expect(holds('recipients', 'doesNotContain', 'lists.example.org')).toBe(false);
    expect(holds('recipients', 'doesNotContain', 'carol')).toBe(true);
    expect(holds('from', 'isNot', 'zhang.wei@example.com')).toBe(false);
    expect(holds('from', 'isNot', 'li.na@example.com')).toBe(true);
  });

  it('treats the text literally, not as a pattern', () => {
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', operator: 'contains', text: '.*' }] }, message, NOW)).toBe(false);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', operator: 'contains', text: '【通知】' }] }, message, NOW)).toBe(true);
  });

  it('compares the age in whole days since it was sent, as Thunderbird\'s "Age in Days"', () => {
    const age = (operator: 'isGreaterThan' | 'isLessThan', text: string) => matchesFilter({ match: 'all', conditions: [{ field: 'age', operator, text }] }, message, NOW);
    expect(age('isGreaterThan', '30')).toBe(true);
    expect(age('isGreaterThan', '35')).toBe(false);
    expect(age('isLessThan', '36')).toBe(true);
    expect(age('isLessThan', '35')).toBe(false);
  });

  it('asks whether a status is or is not the message\'s: read, starred, replied, with attachments', () => {
    const status = (operator: 'is' | 'isNot', text: string) => matchesFilter({ match: 'all', conditions: [{ field: 'status', operator, text }] }, message, NOW);
    expect(status('is', 'flagged')).toBe(true);
    expect(status('is', 'attachment')).toBe(true);
    expect(status('is', 'read')).toBe(false);
    expect(status('isNot', 'read')).toBe(true);
    expect(status('isNot', 'answered')).toBe(true);
    expect(status('isNot', 'flagged')).toBe(false);
  });

  it('compares the size in KB, as Thunderbird\'s "Size (KB) is greater than / less than"', () => {
    const size = (operator: 'isGreaterThan' | 'isLessThan', text: string) => matchesFilter({ match: 'all', conditions: [{ field: 'size', operator, text }] }, message, NOW);
    expect(size('isGreaterThan', '500')).toBe(true);
    expect(size('isGreaterThan', '600')).toBe(false);
    expect(size('isLessThan', '601')).toBe(true);
    expect(size('isLessThan', '600')).toBe(false);
  });
});

describe('FilterCondition', () => {
  it('takes each field with its own comparisons: the size in whole KB, the others as text', () => {
    expect(FilterCondition.safeParse({ field: 'size', operator: 'isGreaterThan', text: ' 5000 ' }).success).toBe(true);
    expect(FilterCondition.safeParse({ field: 'size', operator: 'contains', text: '5000' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'size', text: '5000' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'size', operator: 'isLessThan', text: '5 MB' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'size', operator: 'isLessThan', text: '-1' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'subject', operator: 'isGreaterThan', text: 'a' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'subject', text: 'a' }).success).toBe(true);
  });

  it('takes an age in whole days, and a status by its name with is or isn\'t', () => {
    expect(FilterCondition.safeParse({ field: 'age', operator: 'isGreaterThan', text: '30' }).success).toBe(true);
    expect(FilterCondition.safeParse({ field: 'age', operator: 'isGreaterThan', text: 'a month' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'age', operator: 'is', text: '30' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'status', operator: 'is', text: 'attachment' }).success).toBe(true);
    expect(FilterCondition.safeParse({ field: 'status', operator: 'isNot', text: 'read' }).success).toBe(true);
    expect(FilterCondition.safeParse({ field: 'status', operator: 'contains', text: 'read' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'status', operator: 'is', text: 'urgent' }).success).toBe(false);
  });
});
