import { rmSync } from 'node:fs';
import type { Store } from './store';

/**
 * The blob files an account's rows name (raw sources, decoded parts, outbox
 * entries), read before its rows go so the files can go with them.
 */
export function blobsOfAccount(store: Store, accountId: number): string[] {
  return store.db
    .prepare(
      `SELECT s.blob FROM message_sources s JOIN messages m ON m.id = s.message_id JOIN folders f ON f.id = m.folder_id WHERE f.account_id = @accountId
       UNION SELECT p.blob FROM message_parts p JOIN messages m ON m.id = p.message_id JOIN folders f ON f.id = m.folder_id WHERE f.account_id = @accountId
       UNION SELECT blob FROM outbox WHERE account_id = @accountId`,
    )
    .pluck()
    .all({ accountId }) as string[];
}

/**
 * Deletes those of the given blobs no row names any more. Blobs are shared by
 * content, so one another account (or a local folder) still names stays.
 * Unlike collectOrphanBlobs this needs no grace period: the rows that named
 * these files are gone, and no sync of theirs is running any more.
 */
export function deleteUnreferencedBlobs(store: Store, blobs: string[]): number {
  if (blobs.length === 0) return 0;
  // One pass over the blob columns (they have no index): cheaper than a lookup per file.
  const stillNamed = new Set(
    store.db.prepare('SELECT blob FROM message_sources UNION SELECT blob FROM message_parts UNION SELECT blob FROM outbox').pluck().all() as string[],
  );
  let removed = 0;
  for (const blob of blobs) {
    if (stillNamed.has(blob)) continue;
    rmSync(store.blobs.pathOf(blob), { force: true });
    removed += 1;
  }
  return removed;
}
