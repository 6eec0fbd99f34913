import { closeSync, fdatasyncSync, fsync, openSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Db } from './open-database';

const fsyncAsync = promisify(fsync);

/**
 * Makes what this database has committed survive a power loss, not only a
 * crash: with synchronous = NORMAL a WAL commit reaches the file but not the
 * disk. Called before something that cannot be taken back relies on a commit
 * (a composer closed on its answer, a POP3 DELE). The WAL is flushed in the
 * thread pool (synchronous = FULL would hold this thread for a flush at every
 * commit); a checkpoint that ran meanwhile flushed what it moved into the
 * database file itself.
 */
export async function flushWal(db: Db): Promise<void> {
  const wal = `${db.name}-wal`;
  let file: number;
  try {
    file = openSync(wal, 'r');
  } catch (error) {
    // No WAL (not in WAL mode): the commit went to the database file, flushed by SQLite.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await fsyncAsync(file);
  } finally {
    closeSync(file);
  }
}

/**
 * flushWal on the calling thread: for a worker thread that has nothing else
 * to do meanwhile (the outbox's sender, whose line waits for this flush),
 * where a flush queued behind other threads' file work in libuv's shared
 * pool took about twice the flush itself. fdatasync: the WAL's data and
 * the size needed to read it back are what must reach the disk.
 */
export function flushWalNow(db: Db): void {
  let file: number;
  try {
    file = openSync(`${db.name}-wal`, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    fdatasyncSync(file);
  } finally {
    closeSync(file);
  }
}
