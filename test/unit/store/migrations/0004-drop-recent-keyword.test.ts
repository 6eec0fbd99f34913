import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { initial } from '../../../../src-main/store/migrations/0001-initial';
import { pendingFlagChanges } from '../../../../src-main/store/migrations/0002-pending-flag-changes';
import { pendingFlagIdentity } from '../../../../src-main/store/migrations/0003-pending-flag-identity';
import { dropRecentKeyword } from '../../../../src-main/store/migrations/0004-drop-recent-keyword';

describe('migration 0004 drop \\Recent keyword', () => {
  it('removes \\Recent wherever it stands in the keywords and keeps the other keywords', () => {
    const db = new Database(':memory:');
    for (const migration of [initial, pendingFlagChanges, pendingFlagIdentity]) db.exec(migration.up);
    db.prepare("INSERT INTO folders (id, path, name) VALUES (1, 'INBOX', 'INBOX')").run();
    const insert = db.prepare('INSERT INTO messages (folder_id, uid, sort_date, keywords) VALUES (1, ?, 0, ?)');
    const before = ['\\Recent', '\\Recent $Work', '$Work \\Recent', '$Work \\Recent $Label1', '$Work', '', '$NotRecent', '\\Recently'];
    before.forEach((keywords, i) => insert.run(i + 1, keywords));
    db.exec(dropRecentKeyword.up);
    expect(db.prepare('SELECT keywords FROM messages ORDER BY uid').pluck().all()).toEqual(['', '$Work', '$Work', '$Work $Label1', '$Work', '', '$NotRecent', '\\Recently']);
  });
});
