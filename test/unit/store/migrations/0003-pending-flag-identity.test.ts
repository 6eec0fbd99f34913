import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingFlagIdentity } from '../../../../src-main/store/migrations/0003-pending-flag-identity';
import { initial } from '../../../../src-main/store/migrations/0001-initial';
import { pendingFlagChanges } from '../../../../src-main/store/migrations/0002-pending-flag-changes';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Version 3 as it was released: 0005 later replaces the table this migration shapes. */
function openAtVersion3(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  db.transaction(() => db.exec(pendingFlagIdentity.up))();
  return db;
}

/** A database as version 2 left it: a synced folder, two queued changes, and one of a row without UID. */
function populatedV2(): string {
  dir = mkdtempSync(join(tmpdir(), 'wren-migration-'));
  const file = join(dir, 'wren.sqlite');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  db.exec(initial.up);
  db.exec(pendingFlagChanges.up);
  db.pragma('user_version = 2');
  db.exec(`
    INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00');
    INSERT INTO accounts (id, name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
      VALUES (1, 'a', 'a@test', 'imap', 'h', 993, 'tls', 'a', 's', 0);
    INSERT INTO folders (id, account_id, path, name, uidvalidity) VALUES (1, 1, 'INBOX', 'INBOX', 1700);
    INSERT INTO messages (id, folder_id, uid, message_id, sort_date) VALUES (5, 1, 41, '<five@test>', 0), (6, 1, 42, NULL, 0), (7, 1, NULL, NULL, 0);
    INSERT INTO pending_flag_changes (id, message_id, flag, value, created_at)
      VALUES (1, 5, '\\Seen', 1, 100), (2, 6, '\\Flagged', 0, 200), (3, 7, '\\Seen', 1, 300);
  `);
  db.close();
  return file;
}

describe('migration 0003 pending flag identity', () => {
  it('upgrades a populated version 2 database, giving each queued change its folder, UIDVALIDITY, UID and Message-ID', () => {
    const db = openAtVersion3(populatedV2());
    try {
      expect(db.prepare('SELECT * FROM pending_flag_changes ORDER BY id').all()).toEqual([
        { id: 1, message_id: 5, folder_id: 1, uidvalidity: 1700, uid: 41, message_id_header: '<five@test>', flag: '\\Seen', value: 1, created_at: 100 },
        { id: 2, message_id: 6, folder_id: 1, uidvalidity: 1700, uid: 42, message_id_header: null, flag: '\\Flagged', value: 0, created_at: 200 },
      ]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('keeps a queued change when its cached row is dropped, and drops it with its folder', () => {
    const db = openAtVersion3(populatedV2());
    try {
      db.prepare('DELETE FROM messages WHERE folder_id = 1').run(); // a renumbered folder is fetched again
      expect(db.prepare('SELECT id, message_id, uid FROM pending_flag_changes ORDER BY id').all()).toEqual([
        { id: 1, message_id: null, uid: 41 },
        { id: 2, message_id: null, uid: 42 },
      ]);
      db.prepare('DELETE FROM folders WHERE id = 1').run();
      expect(db.prepare('SELECT count(*) FROM pending_flag_changes').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
