import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { localTransfers } from '../../../../src-main/store/migrations/0008-local-transfers';
import { openDatabase } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

/** A database as the migration before this one left it, with a journal entry and its message. */
function populatedBefore(): string {
  return databaseBefore(localTransfers, `${ACCOUNT_SEED}
    INSERT INTO folders (id, account_id, path, name, uidvalidity) VALUES (1, 1, 'INBOX', 'INBOX', 1700);
    INSERT INTO messages (id, folder_id, uid, message_id, sort_date) VALUES (5, 1, 41, '<five@test>', 0);
    INSERT INTO operations (id, account_id, kind, action, target_path, state, created_at) VALUES (7, 1, 'move', 'move', 'Work', 'sent', 100);
    INSERT INTO operation_messages (id, operation_id, message_row_id, folder_path, uidvalidity, uid, message_id_header)
      VALUES (3, 7, 5, 'INBOX', 1700, 41, '<five@test>');
  `).file;
}

describe('migration 0008 local transfers', () => {
  it('keeps every journal entry and its messages, and then takes APPEND entries and local (account-less) ones', () => {
    const db = openDatabase(populatedBefore());
    try {
      expect(db.prepare('SELECT id, account_id, kind, action, target_path, state FROM operations').all()).toEqual([
        { id: 7, account_id: 1, kind: 'move', action: 'move', target_path: 'Work', state: 'sent' },
      ]);
      expect(db.prepare('SELECT operation_id, message_row_id, uid FROM operation_messages').all()).toEqual([{ operation_id: 7, message_row_id: 5, uid: 41 }]);
      db.prepare("INSERT INTO operations (account_id, kind, action, target_path, created_at) VALUES (1, 'move', 'append', 'Work', 0)").run();
      db.prepare("INSERT INTO operations (account_id, kind, action, state, created_at) VALUES (NULL, 'move', 'move', 'done', 0)").run();
      // The children still cascade with their entry, and a message row going still only unlinks them.
      db.prepare('DELETE FROM messages WHERE id = 5').run();
      expect(db.prepare('SELECT message_row_id FROM operation_messages').pluck().all()).toEqual([null]);
      db.prepare('DELETE FROM operations WHERE id = 7').run();
      expect(db.prepare('SELECT count(*) FROM operation_messages').pluck().get()).toBe(0);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
