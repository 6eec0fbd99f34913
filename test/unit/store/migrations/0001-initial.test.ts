import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { initial } from '../../../../src-main/store/migrations/0001-initial';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(initial.up);
  return db;
}

describe('migration 0001 initial', () => {
  it('creates every table the foundation needs', () => {
    const tables = migrated().prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['accounts', 'secrets', 'identities', 'folders', 'messages', 'message_bodies', 'message_parts', 'message_sources', 'outbox', 'sync_state']));
  });

  it('keeps folder counts with triggers on insert, seen change and delete', () => {
    const db = migrated();
    db.prepare("INSERT INTO folders (id, account_id, path, name) VALUES (1, NULL, 'Local', 'Local')").run();
    const insert = db.prepare('INSERT INTO messages (folder_id, uid, sort_date, seen) VALUES (1, ?, 0, ?)');
    insert.run(1, 0);
    insert.run(2, 1);
    insert.run(3, 0);
    const counts = () => db.prepare('SELECT total_count AS total, unread_count AS unread FROM folders WHERE id = 1').get();
    expect(counts()).toEqual({ total: 3, unread: 2 });
    db.prepare('UPDATE messages SET seen = 1 WHERE uid = 1').run();
    expect(counts()).toEqual({ total: 3, unread: 1 });
    db.prepare('DELETE FROM messages WHERE uid = 3').run();
    expect(counts()).toEqual({ total: 2, unread: 0 });
  });

  it('refuses a second message with the same UID in a folder', () => {
    const db = migrated();
    db.prepare("INSERT INTO folders (id, path, name) VALUES (1, 'INBOX', 'INBOX')").run();
    db.prepare('INSERT INTO messages (folder_id, uid, sort_date) VALUES (1, 7, 0)').run();
    expect(() => db.prepare('INSERT INTO messages (folder_id, uid, sort_date) VALUES (1, 7, 0)').run()).toThrow(/UNIQUE/);
  });

  it('removes a folder\'s messages with the folder (foreign keys cascade)', () => {
    const db = migrated();
    db.prepare("INSERT INTO folders (id, path, name) VALUES (1, 'INBOX', 'INBOX')").run();
    db.prepare('INSERT INTO messages (folder_id, uid, sort_date) VALUES (1, 1, 0)').run();
    db.prepare('DELETE FROM folders WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
  });
});
