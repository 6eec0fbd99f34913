import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStore } from './temp-store';

/**
 * The main thread and the sync worker write the same WAL database through two
 * connections. A transaction that read first and wrote after (a flag change:
 * locate the message, then update it) used to fail at once with "database is
 * locked" when the other connection had committed in between (SQLite cannot
 * upgrade a stale read snapshot; the busy timeout does not apply). Found by
 * the bench's list-update row: a click failed while the worker replayed.
 */
describe('Store.write next to another connection', () => {
  let dispose = () => undefined as void;
  afterEach(() => dispose());

  it('holds the write lock from its start: the other connection waits, and this write never fails for its commit', () => {
    const temp = tempStore();
    dispose = temp.dispose;
    const other = new Database(join(temp.dir, 'wren.sqlite'), { timeout: 20 });
    let otherWrote = true;
    try {
      temp.store.write(() => {
        temp.store.db.prepare('SELECT count(*) FROM folders').get();
        try {
          other.prepare("INSERT INTO folders (account_id, path, name) VALUES (NULL, 'Elsewhere', 'Elsewhere')").run();
        } catch {
          otherWrote = false;
        }
        temp.store.db.prepare("INSERT INTO folders (account_id, path, name) VALUES (NULL, 'Here', 'Here')").run();
      });
    } finally {
      other.close();
    }
    expect(otherWrote).toBe(false);
    expect(temp.store.db.prepare('SELECT path FROM folders ORDER BY path').pluck().all()).toContain('Here');
  });
});
