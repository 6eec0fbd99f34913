import { describe, expect, it } from 'vitest';
import { matchesFilter, type FilteredMessage } from '../../../src-main/filters/match-filter';
import { FilterCondition, type FilterOperator } from '../../../src-main/ipc/filter-shapes';

const message: FilteredMessage = {
  from: { name: '张伟', address: 'zhang.wei@Example.COM' },
  to: [{ name: 'Bob', address: 'bob@example.test' }],
  cc: [{ name: 'Team List', address: 'team@lists.example.org' }],
  subject: '【通知】Quarterly Report 季度报告',
  size: 600 * 1024,
};

describe('matchesFilter', () => {
  it('looks for the text in the sender\'s name or address, whatever the case', () => {
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'from', operator: 'contains', text: 'example.com' }] }, message)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'from', operator: 'contains', text: '张伟' }] }, message)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'from', operator: 'contains', text: 'bob' }] }, message)).toBe(false);
  });

  it('finds recipients in To and Cc, and Chinese words in the subject', () => {
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'recipients', operator: 'contains', text: 'lists.example.org' }] }, message)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', operator: 'contains', text: '季度报告' }] }, message)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', operator: 'contains', text: 'quarterly' }] }, message)).toBe(true);
  });

  it('all needs every condition, any one of them', () => {
    const conditions = [{ field: 'subject', operator: 'contains', text: '通知' }, { field: 'from', operator: 'contains', text: 'nobody' }] as const;
    expect(matchesFilter({ match: 'all', conditions: [...conditions] }, message)).toBe(false);
    expect(matchesFilter({ match: 'any', conditions: [...conditions] }, message)).toBe(true);
  });

  it('compares as Thunderbird\'s operators do: is, begins, ends with a whole name or address; the negative ones when none does', () => {
    const holds = (field: 'from' | 'recipients' | 'subject', operator: FilterOperator, text: string) => matchesFilter({ match: 'all', conditions: [{ field, operator, text }] }, message);
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
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', operator: 'contains', text: '.*' }] }, message)).toBe(false);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', operator: 'contains', text: '【通知】' }] }, message)).toBe(true);
  });

  it('compares the size in KB, as Thunderbird\'s "Size (KB) is greater than / less than"', () => {
    const size = (operator: 'isGreaterThan' | 'isLessThan', text: string) => matchesFilter({ match: 'all', conditions: [{ field: 'size', operator, text }] }, message);
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
});
