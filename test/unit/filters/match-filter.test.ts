import { describe, expect, it } from 'vitest';
import { filterVerdict, matchesFilter, type FilteredMessage } from '../../../src-main/filters/match-filter';
import { splitHeaderBlock } from '../../../src-main/mime/raw-headers';
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
  priority: 'high',
  keywords: ['$label2', 'project-x'],
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

describe('matchesFilter on the priority and the tags', () => {
  const holds = (field: 'priority' | 'tag', operator: 'is' | 'isNot', text: string) => matchesFilter({ match: 'all', conditions: [{ field, operator, text }] }, message, NOW);

  it('compares the priority the list shows, as Thunderbird\'s "Priority is / isn\'t"', () => {
    expect(holds('priority', 'is', 'high')).toBe(true);
    expect(holds('priority', 'is', 'normal')).toBe(false);
    expect(holds('priority', 'isNot', 'low')).toBe(true);
  });

  it('asks whether the message has a tag, or has not', () => {
    expect(holds('tag', 'is', '$label2')).toBe(true);
    expect(holds('tag', 'is', '$label1')).toBe(false);
    expect(holds('tag', 'isNot', '$label1')).toBe(true);
    expect(holds('tag', 'isNot', '$label2')).toBe(false);
  });
});

describe('filterVerdict on header fields and the body', () => {
  const headers = splitHeaderBlock(Buffer.from([
    'List-Id: Wren developers <dev.wren.example.org>', 'Received: from a.example by b.example', 'Received: from relay.example by a.example',
    'X-Label: =?UTF-8?B?5bel5L2c?=', '', '',
  ].join('\r\n')));
  const body = 'Please find the invoice attached.\n请查收发票。';
  const verdict = (conditions: FilterCondition[], content = {}, match: 'all' | 'any' = 'all') => filterVerdict({ match, conditions }, message, NOW, content);
  const onHeader = (header: string, operator: FilterOperator, text: string): FilterCondition => ({ field: 'header', header, operator, text });

  it('compares a named header field, decoded, whatever the case; any of its repeats; an absent one "does not contain"', () => {
    expect(verdict([onHeader('list-id', 'contains', 'DEV.wren.example.org')], { headers })).toBe(true);
    expect(verdict([onHeader('list-id', 'endsWith', 'example.org>')], { headers })).toBe(true);
    expect(verdict([onHeader('received', 'contains', 'relay.example')], { headers })).toBe(true);
    expect(verdict([onHeader('x-label', 'is', '工作')], { headers })).toBe(true);
    expect(verdict([onHeader('x-spam-flag', 'contains', 'yes')], { headers })).toBe(false);
    expect(verdict([onHeader('x-spam-flag', 'doesNotContain', 'yes')], { headers })).toBe(true);
  });

  it('looks for words in the body, in Chinese too', () => {
    expect(verdict([{ field: 'body', operator: 'contains', text: 'INVOICE' }], { body })).toBe(true);
    expect(verdict([{ field: 'body', operator: 'contains', text: '发票' }], { body })).toBe(true);
    expect(verdict([{ field: 'body', operator: 'doesNotContain', text: '发票' }], { body })).toBe(false);
  });

  it('is unknown while its answer hangs on content not read yet, and decided by the row alone when it can be', () => {
    const onBody = { field: 'body', operator: 'contains', text: 'invoice' } as const;
    expect(verdict([onBody])).toBeNull();
    // Every condition must hold: a subject that does not settles it without the body.
    expect(verdict([{ field: 'subject', operator: 'contains', text: 'nothing like it' }, onBody])).toBe(false);
    // One is enough: a sender that matches settles it.
    expect(verdict([onBody, { field: 'from', operator: 'contains', text: 'example.com' }], {}, 'any')).toBe(true);
    expect(verdict([onBody, { field: 'from', operator: 'contains', text: 'nobody' }], {}, 'any')).toBeNull();
  });

  it('holds neither way on content that could not be read, so a filter never acts on what it could not see', () => {
    expect(verdict([{ field: 'body', operator: 'contains', text: 'invoice' }], { body: null })).toBe(false);
    expect(verdict([{ field: 'body', operator: 'doesNotContain', text: 'invoice' }], { body: null })).toBe(false);
    expect(verdict([onHeader('x-spam-flag', 'doesNotContain', 'yes')], { headers: null })).toBe(false);
    expect(matchesFilter({ match: 'all', conditions: [{ field: 'body', operator: 'doesNotContain', text: 'x' }] }, message, NOW)).toBe(false);
  });
});

describe('FilterCondition', () => {
  it('takes a header condition with its header\'s name (kept lower-case), and no other condition with one', () => {
    expect(FilterCondition.parse({ field: 'header', header: ' List-Id ', operator: 'contains', text: 'dev' })).toEqual({ field: 'header', header: 'list-id', operator: 'contains', text: 'dev' });
    expect(FilterCondition.safeParse({ field: 'header', operator: 'contains', text: 'dev' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'header', header: 'List-Id:', operator: 'contains', text: 'dev' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'header', header: 'List Id', operator: 'contains', text: 'dev' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'subject', header: 'list-id', operator: 'contains', text: 'dev' }).success).toBe(false);
  });

  it('takes the body with contains and doesn\'t contain only', () => {
    expect(FilterCondition.safeParse({ field: 'body', operator: 'doesNotContain', text: 'unsubscribe' }).success).toBe(true);
    expect(FilterCondition.safeParse({ field: 'body', operator: 'beginsWith', text: 'Dear' }).success).toBe(false);
  });

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
    expect(FilterCondition.safeParse({ field: 'priority', operator: 'isNot', text: 'low' }).success).toBe(true);
    expect(FilterCondition.safeParse({ field: 'priority', operator: 'is', text: 'urgent' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'priority', operator: 'contains', text: 'high' }).success).toBe(false);
    expect(FilterCondition.safeParse({ field: 'tag', operator: 'is', text: '$label5' }).success).toBe(true);
    expect(FilterCondition.safeParse({ field: 'tag', operator: 'is', text: 'work' }).success).toBe(false);
  });
});
