import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { searchCjkRunEnds } from '../../../../src-main/store/migrations/0016-search-cjk-run-ends';
import { MessageSearch, parseInPlace } from '../../../../src-main/search/message-search';
import { Store } from '../../../../src-main/store/store';

afterEach(() => removeDatabasesBefore());

/** A database the migration before this one left, fully indexed the old way (bigrams only). */
function indexedBefore(): string {
  return databaseBefore(searchCjkRunEnds, `${ACCOUNT_SEED}
    INSERT INTO folders (id, account_id, path, name) VALUES (1, 1, 'INBOX', 'INBOX');
    INSERT INTO messages (id, folder_id, uid, subject, from_name, from_addr, sort_date) VALUES (5, 1, 41, '问候', '老王', 'lw@test', 2);
    DELETE FROM search_pending;
    INSERT INTO message_search (rowid, subject, sender, recipients, body) VALUES (5, '问候', '老王 lw@test', '', '');
  `).dir;
}

describe('migration 0016 search CJK run ends', () => {
  it('queues every message again, and the rewritten entry finds a run’s last character', async () => {
    const store = new Store(indexedBefore());
    try {
      expect(store.db.prepare('SELECT message_id FROM search_pending').pluck().all()).toEqual([5]);
      const search = new MessageSearch(store, parseInPlace);
      const ids = async (query: string) => (await search.search({ query, offset: 0, limit: 10 })).items.map((hit) => hit.id);
      expect(await ids('王')).toEqual([5]);
      expect(await ids('候')).toEqual([5]);
      expect(store.search.pendingCount()).toBe(0);
    } finally {
      store.close();
    }
  });
});
