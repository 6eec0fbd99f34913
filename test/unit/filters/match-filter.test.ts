import { describe, expect, it } from 'vitest';
import { matchesFilter, type FilteredMessage } from '../../../src-main/filters/match-filter';

const message: FilteredMessage = {
  from: { name: '张伟', address: 'zhang.wei@Example.COM' },
  to: [{ name: 'Bob', address: 'bob@example.test' }],
  cc: [{ name: 'Team List', address: 'team@lists.example.org' }],
  subject: '【通知】Quarterly Report 季度报告',
};

describe('matchesFilter', () => {
  it('looks for the text in the sender\'s name or address, whatever the case', () => {
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'from', contains: 'example.com' }] }, message)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'from', contains: '张伟' }] }, message)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'from', contains: 'bob' }] }, message)).toBe(false);
  });

  it('finds recipients in To and Cc, and Chinese words in the subject', () => {
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'recipients', contains: 'lists.example.org' }] }, message)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', contains: '季度报告' }] }, message)).toBe(true);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', contains: 'quarterly' }] }, message)).toBe(true);
  });

  it('all needs every condition, any one of them', () => {
    const conditions = [{ field: 'subject', contains: '通知' }, { field: 'from', contains: 'nobody' }] as const;
    expect(matchesFilter({ match: 'all', conditions: [...conditions] }, message)).toBe(false);
    expect(matchesFilter({ match: 'any', conditions: [...conditions] }, message)).toBe(true);
  });

  it('treats the text literally, not as a pattern', () => {
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', contains: '.*' }] }, message)).toBe(false);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'subject', contains: '【通知】' }] }, message)).toBe(true);
  });
});
