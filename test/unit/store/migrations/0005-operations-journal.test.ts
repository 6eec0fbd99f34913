import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../../src-main/store/migrations';
import { initial } from '../../../../src-main/store/migrations/0001-initial';
import { pendingFlagChanges } from '../../../../src-main/store/migrations/0002-pending-flag-changes';
import { pendingFlagIdentity } from '../../../../src-main/store/migrations/0003-pending-flag-identity';
import { dropRecentKeyword } from '../../../../src-main/store/migrations/0004-drop-recent-keyword';
import { openDatabase } from '../../../../src-main/store/open-database';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as version 4 left it: a synced folder and two queued flag changes, one of a row dropped meanwhile. */
function populatedV4(): string {
  dir = mkdtempSync(join(tmpdir(), 'wren-migration-'));
  const file = join(dir, 'wren.sqlite');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  for (const migration of [initial, pendingFlagChanges, pendingFlagIdentity, dropRecentKeyword]) db.exec(migration.up);
  db.pragma('user_version = 4');
  db.exec(`
    INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00');
    INSERT INTO accounts (id, name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
      VALUES (1, 'a', 'a@test', 'imap', 'h', 993, 'tls', 'a', 's', 0);
    INSERT INTO folders (id, account_id, path, name, uidvalidity) VALUES (1, 1, 'INBOX', 'INBOX', 1700), (2, 1, 'Work', 'Work', 1800);
    INSERT INTO messages (id, folder_id, uid, message_id, sort_date) VALUES (5, 1, 41, '<five@test>', 0);
    INSERT INTO pending_flag_changes (id, message_id, folder_id, uidvalidity, uid, message_id_header, flag, value, created_at)
      VALUES (1, 5, 1, 1700, 41, '<five@test>', '\\Seen', 1, 100), (2, NULL, 2, 1799, 7, '<seven@test>', '\\Flagged', 0, 200);
  `);
  db.close();
  return file;
}

describe('migration 0005 operations journal', () => {
  it('upgrades a populated version 4 database, carrying each queued flag change over as a pending flags entry', () => {
    const db = openDatabase(populatedV4());
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'pending_flag_changes'").all()).toEqual([]);
      expect(db.prepare('SELECT id, account_id, kind, action, flags_add, flags_remove, state, created_at FROM operations ORDER BY id').all()).toEqual([
        { id: 1, account_id: 1, kind: 'flags', action: 'store', flags_add: '\\Seen', flags_remove: '', state: 'pending', created_at: 100 },
        { id: 2, account_id: 1, kind: 'flags', action: 'store', flags_add: '', flags_remove: '\\Flagged', state: 'pending', created_at: 200 },
      ]);
      expect(db.prepare('SELECT operation_id, message_row_id, folder_path, uidvalidity, uid, message_id_header FROM operation_messages ORDER BY operation_id').all()).toEqual([
        { operation_id: 1, message_row_id: 5, folder_path: 'INBOX', uidvalidity: 1700, uid: 41, message_id_header: '<five@test>' },
        { operation_id: 2, message_row_id: null, folder_path: 'Work', uidvalidity: 1799, uid: 7, message_id_header: '<seven@test>' },
      ]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('keeps an entry when its folder row goes (renamed or deleted elsewhere), so the failure can be reported', () => {
    const db = openDatabase(populatedV4());
    try {
      db.prepare('DELETE FROM folders WHERE id = 2').run();
      expect(db.prepare('SELECT count(*) FROM operation_messages WHERE operation_id = 2').pluck().get()).toBe(1);
      db.prepare('DELETE FROM accounts WHERE id = 1').run();
      expect(db.prepare('SELECT count(*) FROM operations').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
