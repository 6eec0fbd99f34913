import { describe, expect, it } from 'vitest';
import { positiveTermGroups } from '../../../src-main/search/search-query';

const NOW = Date.UTC(2026, 11, 7);
const read = (query: string) => positiveTermGroups(query, NOW).map((group) => group.map((term) => `${term.column ?? '*'}:${term.text}`));

describe('positiveTermGroups (what Search on server asks a server for)', () => {
  it('keeps each word with its field, ORs in one group, and leaves out minus-words and operators', () => {
    expect(read('budget from:ann "next week" -draft is:unread')).toEqual([['*:budget'], ['sender:ann'], ['*:next week']]);
    expect(read('from:ann OR from:bob 会议')).toEqual([['sender:ann', 'sender:bob'], ['*:会议']]);
    expect(read('-newsletter before:2026-11-01')).toEqual([]);
  });
});
