import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { searchNfkc } from '../../../../src-main/store/migrations/0020-search-nfkc';
import { MessageSearch, parseInPlace } from '../../../../src-main/search/message-search';
import { Store } from '../../../../src-main/store/store';

afterEach(() => removeDatabasesBefore());

/** A database the migration before this one left, its entry holding the full-width subject as it came. */
function indexedBefore(): string {
  return databaseBefore(searchNfkc, `${ACCOUNT_SEED}
    INSERT INTO folders (id, account_id, path, name) VALUES (1, 1, 'INBOX', 'INBOX');
    INSERT INTO messages (id, folder_id, uid, subject, from_name, from_addr, sort_date) VALUES (5, 1, 41, 'ＰＤＦ 2026', 'Ann', 'ann@test', 2);
    DELETE FROM search_pending;
    INSERT INTO message_search (rowid, subject, sender, recipients, body) VALUES (5, 'ＰＤＦ 2026', 'Ann ann@test', '', '');
  `).dir;
}

describe('migration 0020 search NFKC', () => {
  it('queues every message again, and the rewritten entry finds full-width letters by their plain form', async () => {
    const store = new Store(indexedBefore());
    try {
      expect(store.db.prepare('SELECT message_id FROM search_pending').pluck().all()).toEqual([5]);
      const search = new MessageSearch(store, parseInPlace);
      expect((await search.search({ query: 'pdf', offset: 0, limit: 10 })).items.map((hit) => hit.id)).toEqual([5]);
      expect(store.search.pendingCount()).toBe(0);
    } finally {
      store.close();
    }
  });
});
