import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../src-main/store/migrations';
import { messageSearch } from '../../../../src-main/store/migrations/0013-message-search';
import { MessageSearch, parseInPlace } from '../../../../src-main/search/message-search';
import { Store } from '../../../../src-main/store/store';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A data folder whose database the migration before this one left, with messages and a cached body. */
function populatedBefore(): string {
  dir = mkdtempSync(join(tmpdir(), 'wren-migration-'));
  const db = new Database(join(dir, 'wren.sqlite'));
  db.pragma('foreign_keys = ON');
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(messageSearch));
  for (const migration of before) db.exec(migration.up);
  db.pragma(`user_version = ${before.length}`);
  db.exec(`
    INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00');
    INSERT INTO accounts (id, name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
      VALUES (1, 'a', 'a@test', 'imap', 'h', 993, 'tls', 'a', 's', 0);
    INSERT INTO folders (id, account_id, path, name) VALUES (1, 1, 'INBOX', 'INBOX');
    INSERT INTO messages (id, folder_id, uid, subject, from_name, from_addr, sort_date) VALUES
      (5, 1, 41, '明天的会议改到下午', '王小明', 'wxm@test', 2), (6, 1, 42, 'Lunch on Friday?', 'Bob', 'bob@test', 1);
    INSERT INTO message_bodies (message_id, text, fetched_at) VALUES (6, 'The usual place near the harbour.', 0);
  `);
  db.close();
  return dir;
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
