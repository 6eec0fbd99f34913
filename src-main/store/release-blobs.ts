import { rmSync } from 'node:fs';
import type { Store } from './store';

/**
 * Deletes these blob files if no row names them any more: called right after
 * a commit that removed the rows that did (a local folder or message deleted),
 * so their content does not wait for the orphan sweep. Blobs are shared by
 * content, so one still named by another message stays.
 */
export function releaseBlobs(store: Store, blobs: Iterable<string>): number {
  const named = store.db.prepare(
    'SELECT 1 FROM message_sources WHERE blob = ? UNION ALL SELECT 1 FROM message_parts WHERE blob = ? UNION ALL SELECT 1 FROM outbox WHERE blob = ? LIMIT 1',
  );
  let removed = 0;
  for (const blob of new Set(blobs)) {
    if (named.get(blob, blob, blob)) continue;
    rmSync(store.blobs.pathOf(blob), { force: true });
    removed += 1;
  }
  return removed;
}
