import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { searchAttachmentNames } from '../../../../src-main/store/migrations/0021-search-attachment-names';
import { MessageSearch, parseInPlace } from '../../../../src-main/search/message-search';
import { Store } from '../../../../src-main/store/store';

afterEach(() => removeDatabasesBefore());

const STRUCTURE = JSON.stringify({
  part: '', type: 'multipart/mixed', parameters: {}, encoding: null, size: 0, disposition: null, filename: null, contentId: null,
  children: [{ part: '1', type: 'application/pdf', parameters: {}, encoding: 'base64', size: 9, disposition: 'attachment', filename: '合同.pdf', contentId: null }],
});

/** A database the migration before this one left, fully indexed without the attachments' names. */
function indexedBefore(): string {
  return databaseBefore(searchAttachmentNames, `${ACCOUNT_SEED}
    INSERT INTO folders (id, account_id, path, name) VALUES (1, 1, 'INBOX', 'INBOX');
    INSERT INTO messages (id, folder_id, uid, subject, from_name, from_addr, sort_date, has_attachments, structure_json)
      VALUES (5, 1, 41, 'files', 'Ann', 'ann@test', 2, 1, '${STRUCTURE}'), (6, 1, 42, 'plain', 'Ann', 'ann@test', 1, 0, NULL);
    DELETE FROM search_pending;
    INSERT INTO message_search (rowid, subject, sender, recipients, body) VALUES (5, 'files', 'Ann ann@test', '', ''), (6, 'plain', 'Ann ann@test', '', '');
  `).dir;
}

describe('migration 0021 search attachment names', () => {
  it('queues the messages with attachments again, whose rewritten entries find them by file name', async () => {
    const store = new Store(indexedBefore());
    try {
      expect(store.db.prepare('SELECT message_id FROM search_pending').pluck().all()).toEqual([5]);
      const search = new MessageSearch(store, parseInPlace);
      expect((await search.search({ query: '合同', offset: 0, limit: 10 })).items.map((hit) => hit.id)).toEqual([5]);
    } finally {
      store.close();
    }
  });
});
