import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { messageSearch } from '../../../../src-main/store/migrations/0013-message-search';
import { MessageSearch, parseInPlace } from '../../../../src-main/search/message-search';
import { Store } from '../../../../src-main/store/store';

afterEach(() => removeDatabasesBefore());

/** A data folder whose database the migration before this one left, with messages and a cached body. */
function populatedBefore(): string {
  return databaseBefore(messageSearch, `${ACCOUNT_SEED}
    INSERT INTO folders (id, account_id, path, name) VALUES (1, 1, 'INBOX', 'INBOX');
    INSERT INTO messages (id, folder_id, uid, subject, from_name, from_addr, sort_date) VALUES
      (5, 1, 41, '明天的会议改到下午', '王小明', 'wxm@test', 2), (6, 1, 42, 'Lunch on Friday?', 'Bob', 'bob@test', 1);
    INSERT INTO message_bodies (message_id, text, fetched_at) VALUES (6, 'The usual place near the harbour.', 0);
  `).dir;
}

describe('migration 0013 message search', () => {
  it('queues every stored message without indexing any, and a search then finds them by headers and cached bodies', async () => {
    const store = new Store(populatedBefore());
    try {
      expect(store.db.prepare('SELECT message_id FROM search_pending ORDER BY message_id').pluck().all()).toEqual([5, 6]);
      expect(store.db.prepare('SELECT count(*) FROM message_search').pluck().get()).toBe(0);
      const search = new MessageSearch(store, parseInPlace);
      const ids = async (query: string) => (await search.search({ query, offset: 0, limit: 10 })).items.map((hit) => hit.id);
      expect(await ids('会议')).toEqual([5]);
      expect(await ids('harbour')).toEqual([6]);
      expect(store.search.pendingCount()).toBe(0);
    } finally {
      store.close();
    }
  });
});
