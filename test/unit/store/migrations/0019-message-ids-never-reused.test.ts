import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { messageIdsNeverReused } from '../../../../src-main/store/migrations/0019-message-ids-never-reused';
import { openDatabase, type Db } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

/** A database as the migration before this one left it: messages with everything that refers to them. */
function populatedBefore(): string {
  return databaseBefore(messageIdsNeverReused, `${ACCOUNT_SEED}
    INSERT INTO folders (id, account_id, path, name, uidvalidity) VALUES (1, 1, 'INBOX', 'INBOX', 1700), (2, 1, 'Drafts', 'Drafts', 1700);
    INSERT INTO messages (id, folder_id, uid, message_id, subject, sort_date, seen, flagged, keywords, structure_json, body_state) VALUES
      (5, 1, 41, '<five@test>', 'five', 5, 1, 0, '$Forwarded', '{"type":"text/plain"}', 'full'),
      (6, 1, 42, '<six@test>', 'six', 6, 0, 1, '', NULL, 'none'),
      (9, 2, 3, '<nine@test>', 'nine', 9, 1, 0, '', NULL, 'none');
    INSERT INTO message_bodies (message_id, text, fetched_at) VALUES (5, 'body five', 1);
    INSERT INTO message_sources (message_id, blob, size) VALUES (5, 'aa', 10);
    INSERT INTO message_parts (message_id, part_id, blob, size) VALUES (5, '2', 'bb', 3);
    INSERT INTO operations (id, account_id, kind, action, target_path, state, created_at) VALUES (7, 1, 'flags', 'store', 'INBOX', 'sent', 100);
    INSERT INTO operation_messages (operation_id, message_row_id, folder_path, uidvalidity, uid, message_id_header) VALUES (7, 6, 'INBOX', 1700, 42, '<six@test>');
    INSERT INTO pending_appends (message_row_id, account_id, folder_path, created_at) VALUES (9, 1, 'Drafts', 0);
    INSERT INTO pop3_uidls (account_id, uidl, message_row_id, downloaded_at) VALUES (1, 'u5', 5, 0);
  `).file;
}

const count = (db: Db, sql: string) => db.prepare(sql).pluck().get();

describe('migration 0019 message ids never reused', () => {
  it('keeps every message with its id and everything that refers to it, and its counts and triggers work as before', () => {
    const db = openDatabase(populatedBefore());
    try {
      expect(db.prepare('SELECT id, folder_id, uid, subject, seen, flagged, keywords, structure_json, body_state FROM messages ORDER BY id').all()).toEqual([
        { id: 5, folder_id: 1, uid: 41, subject: 'five', seen: 1, flagged: 0, keywords: '$Forwarded', structure_json: '{"type":"text/plain"}', body_state: 'full' },
        { id: 6, folder_id: 1, uid: 42, subject: 'six', seen: 0, flagged: 1, keywords: '', structure_json: null, body_state: 'none' },
        { id: 9, folder_id: 2, uid: 3, subject: 'nine', seen: 1, flagged: 0, keywords: '', structure_json: null, body_state: 'none' },
      ]);
      // Nothing cascaded when the old table went.
      expect([count(db, 'SELECT count(*) FROM message_bodies'), count(db, 'SELECT count(*) FROM message_sources'), count(db, 'SELECT count(*) FROM message_parts')]).toEqual([1, 1, 1]);
      expect(count(db, 'SELECT message_row_id FROM operation_messages')).toBe(6);
      expect(count(db, 'SELECT message_row_id FROM pending_appends')).toBe(9);
      expect(count(db, 'SELECT message_row_id FROM pop3_uidls')).toBe(5);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

      // The newest message leaves; the next one gets a new id, and counts and the search queue follow as before.
      db.prepare('DELETE FROM messages WHERE id = 9').run();
      expect(count(db, 'SELECT count(*) FROM pending_appends')).toBe(0);
      const next = db.prepare("INSERT INTO messages (folder_id, uid, subject, sort_date) VALUES (1, 43, 'new', 10) RETURNING id").pluck().get();
      expect(next).toBe(10);
      expect(db.prepare('SELECT total_count, unread_count FROM folders WHERE id = 1').get()).toEqual({ total_count: 3, unread_count: 2 });
      expect(count(db, 'SELECT count(*) FROM search_pending WHERE message_id = 10')).toBe(1);
      // A message leaving still unlinks the journal and takes its body along.
      db.prepare('DELETE FROM messages WHERE id IN (5, 6)').run();
      expect(count(db, 'SELECT message_row_id FROM operation_messages')).toBeNull();
      expect(count(db, 'SELECT count(*) FROM message_bodies')).toBe(0);
      expect(count(db, 'SELECT message_row_id FROM pop3_uidls')).toBeNull();
    } finally {
      db.close();
    }
  });
});
