import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { initial } from '../../../../src-main/store/migrations/0001-initial';
import { pendingFlagChanges } from '../../../../src-main/store/migrations/0002-pending-flag-changes';

describe('migration 0002 pending flag changes', () => {
  it('applies on top of 0001 and cascades with the message', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec(initial.up);
    db.exec(pendingFlagChanges.up);
    db.prepare("INSERT INTO folders (id, path, name) VALUES (1, 'INBOX', 'INBOX')").run();
    db.prepare('INSERT INTO messages (id, folder_id, uid, sort_date) VALUES (5, 1, 1, 0)').run();
    db.prepare("INSERT INTO pending_flag_changes (message_id, flag, value, created_at) VALUES (5, '\\Seen', 1, 0)").run();
    expect(db.prepare('SELECT count(*) FROM pending_flag_changes').pluck().get()).toBe(1);
    db.prepare('DELETE FROM messages WHERE id = 5').run();
    expect(db.prepare('SELECT count(*) FROM pending_flag_changes').pluck().get()).toBe(0);
  });

  it('accepts only 0 or 1 as the wished value', () => {
    const db = new Database(':memory:');
    db.exec(initial.up);
    db.exec(pendingFlagChanges.up);
    expect(() => db.prepare("INSERT INTO pending_flag_changes (message_id, flag, value, created_at) VALUES (1, 'x', 2, 0)").run()).toThrow(/CHECK/);
  });
});
