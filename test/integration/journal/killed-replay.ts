import { join } from 'node:path';
import { runKilled } from '../kill-loop';
import type { JournalFixture } from './journal-lab';

/** Entries not done yet, and how many of them the server has been asked about. */
function journalState(f: JournalFixture): { unfinished: number; sent: number } {
  return f.wren.core.store.db
    .prepare("SELECT count(*) AS unfinished, count(*) FILTER (WHERE state = 'sent') AS sent FROM operations WHERE account_id = ? AND state IN ('pending', 'sent')")
    .get(f.accountId) as { unfinished: number; sent: number };
}

/**
 * `wren sync` on the fixture core's data replays the journal first; it is
 * killed (kill -9) `delayMs` after its replay has visibly started (an entry
 * sent or done), so the kills fall inside the replay rather than during the
 * process's start.
 */
export async function replayKilledAfter(f: JournalFixture, delayMs: number): Promise<void> {
  const before = journalState(f).unfinished;
  await runKilled({
    args: ['--data-dir', join(f.wren.dir, 'data'), 'sync', f.user],
    env: { ...process.env, WREN_KEY_FILE: join(f.wren.dir, 'keys', 'secret.key') },
    delayMs,
    clock: { from: 'poll', until: () => {
      const now = journalState(f);
      return now.sent > 0 || now.unfinished < before;
    } },
  });
}

/** Where the last kill fell, read from the journal (logged, not asserted: it depends on the machine's speed). */
export function killPoint(f: JournalFixture): string {
  const states = f.wren.core.store.db.prepare("SELECT state FROM operations WHERE account_id = ? AND state IN ('pending', 'sent')").pluck().all(f.accountId) as string[];
  return states.length === 0 ? 'after' : states.includes('sent') ? 'mid-entry' : `before (${states.length} left)`;
}
