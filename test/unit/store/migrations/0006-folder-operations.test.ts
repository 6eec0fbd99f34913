import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../src-main/store/migrations';
import { openDatabase } from '../../../../src-main/store/open-database';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as version 5 left it: a journal with a sent move (one message) and a pending flag change. */
function populatedV5(): string {
  dir = mkdtempSync(join(tmpdir(), 'wren-migration-'));
  const file = join(dir, 'wren.sqlite');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  for (const migration of MIGRATIONS.slice(0, 5)) db.exec(migration.up);
  db.pragma('user_version = 5');
  db.exec(`
    INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00');
    INSERT INTO accounts (id, name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
      VALUES (1, 'a', 'a@test', 'imap', 'h', 993, 'tls', 'a', 's', 0);
    INSERT INTO folders (id, account_id, path, name, uidvalidity) VALUES (1, 1, 'INBOX', 'INBOX', 1700), (2, 1, 'Work', 'Work', 1800);
    INSERT INTO messages (id, folder_id, uid, message_id, sort_date) VALUES (5, 2, NULL, '<five@test>', 0);
    INSERT INTO operations (id, account_id, kind, action, target_path, target_uidnext, target_uidvalidity, state, created_at)
      VALUES (7, 1, 'move', 'move', 'Work', 12, 1800, 'sent', 100);
    INSERT INTO operations (id, account_id, kind, action, flags_add, state, created_at) VALUES (8, 1, 'flags', 'store', '\\Seen', 'pending', 200);
    INSERT INTO operation_messages (id, operation_id, message_row_id, folder_path, uidvalidity, uid, message_id_header, prior_folder_id, prior_uid)
      VALUES (3, 7, 5, 'INBOX', 1700, 41, '<five@test>', 1, 41), (4, 8, 5, 'Work', NULL, NULL, '<five@test>', NULL, NULL);
  `);
  db.close();
  return file;
}

describe('migration 0006 folder operations', () => {
  it('upgrades a populated version 5 journal unchanged, and takes folder entries after it', () => {
    const db = openDatabase(populatedV5());
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT id, kind, action, target_path, source_path, target_uidnext, state FROM operations ORDER BY id').all()).toEqual([
        { id: 7, kind: 'move', action: 'move', target_path: 'Work', source_path: null, target_uidnext: 12, state: 'sent' },
        { id: 8, kind: 'flags', action: 'store', target_path: null, source_path: null, target_uidnext: null, state: 'pending' },
      ]);
      expect(db.prepare('SELECT id, operation_id, message_row_id, folder_path, uid, prior_uid FROM operation_messages ORDER BY id').all()).toEqual([
        { id: 3, operation_id: 7, message_row_id: 5, folder_path: 'INBOX', uid: 41, prior_uid: 41 },
        { id: 4, operation_id: 8, message_row_id: 5, folder_path: 'Work', uid: null, prior_uid: null },
      ]);
      db.prepare("INSERT INTO operations (account_id, kind, action, target_path, source_path, created_at) VALUES (1, 'renameFolder', 'renameFolder', 'Jobs', 'Work', 300)").run();
      // The journal's items still follow their entry, and their message rows.
      db.prepare('DELETE FROM operations WHERE id = 7').run();
      db.prepare('DELETE FROM messages WHERE id = 5').run();
      expect(db.prepare('SELECT id, operation_id, message_row_id FROM operation_messages').all()).toEqual([{ id: 4, operation_id: 8, message_row_id: null }]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
