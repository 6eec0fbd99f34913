import { rmSync, statSync } from 'node:fs';
import type { Store } from './store';

/** A file younger than this may belong to a write that is not recorded yet (another thread's sync). */
const GRACE_MS = 60 * 60_000;

/**
 * Deletes blob files no row refers to any more (expunged messages, a folder
 * refetched after a UIDVALIDITY change, a removed account) and temp files
 * left by a crash mid-download. Blobs are shared by content, so a file goes
 * only when no source, part or outbox entry names it.
 */
export function collectOrphanBlobs(store: Store, now = Date.now()): number {
  const referenced = new Set(
    store.db
      .prepare('SELECT blob FROM message_sources UNION SELECT blob FROM message_parts UNION SELECT blob FROM outbox')
      .pluck()
      .all() as string[],
  );
  let removed = 0;
  for (const file of store.blobs.files()) {
    if (file.blob !== null && referenced.has(file.blob)) continue;
    const modifiedMs = statSync(file.path, { throwIfNoEntry: false })?.mtimeMs;
    if (modifiedMs === undefined || now - modifiedMs < GRACE_MS) continue;
    rmSync(file.path, { force: true });
    removed += 1;
  }
  return removed;
}
