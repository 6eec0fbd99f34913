import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WrenCore } from '../../../src-main/app/wren-core';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';
import { openDatabase } from '../../../src-main/store/open-database';

let cleanup: () => Promise<void> = async () => undefined;
afterEach(() => cleanup());

/**
 * A sync leaves the WAL long (the worker's connection wrote it). SQLite runs
 * the checkpoint, which copies the WAL into the database file and fsyncs, in
 * the commit that finds the WAL over its threshold: the next click's.
 */
async function databaseGrowsOnAClick(syncWorkerPath: string | null): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'wren-wal-'));
  const core = WrenCore.open({ dataDir: join(dir, 'data'), mode: 'web', secrets: new KeyFileSecretStore(join(dir, 'key')), outbox: false, syncWorkerPath });
  cleanup = async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const folderId = Number(core.store.db.prepare("INSERT INTO folders (account_id, path, name, is_local) VALUES (NULL, 'Kept', 'Kept', 1)").run().lastInsertRowid);
  // The worker's side (it has not got round to its checkpoint yet): about 2,000 pages of headers.
  const worker = openDatabase(core.databaseFile);
  worker.pragma('wal_autocheckpoint = 0');
  const insert = worker.prepare("INSERT INTO messages (folder_id, uid, subject, sort_date) VALUES (?, ?, ?, 0)");
  worker.transaction(() => {
    for (let uid = 1; uid <= 4000; uid += 1) insert.run(folderId, uid, `${uid} ${'x'.repeat(2000)}`);
  })();
  worker.close();
  const before = statSync(core.databaseFile).size;
  const id = core.store.db.prepare('SELECT id FROM messages WHERE folder_id = ? AND uid = 1').pluck().get(folderId) as number;
  core.operations.setFlags(id, { flagged: true });
  return statSync(core.databaseFile).size > before;
}

describe('WAL checkpoints and the main thread', () => {
  it('with a sync worker, a click does not run the checkpoint a sync left due (no copy into the database, no fsync)', async () => {
    expect(await databaseGrowsOnAClick(join(tmpdir(), 'never-started-sync-worker.cjs'))).toBe(false);
  });

  it('without one (sync on the main thread), the main connection still checkpoints', async () => {
    expect(await databaseGrowsOnAClick(null)).toBe(true);
  });
});
