import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestCore } from '../imap/lab-core';

/** A seeded PRNG (mulberry32), so a failing round can be replayed with the same kill points. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of this run: WREN_KILL_SEED repeats one. */
export function killSeed(): number {
  return Number(process.env.WREN_KILL_SEED ?? Date.now() % 100_000);
}

/** Entries not done yet, and how many of them the server has been asked about. */
export function journalState(wren: TestCore, accountId: number): { unfinished: number; sent: number } {
  return wren.core.store.db
    .prepare("SELECT count(*) AS unfinished, count(*) FILTER (WHERE state = 'sent') AS sent FROM operations WHERE account_id = ? AND state IN ('pending', 'sent')")
    .get(accountId) as { unfinished: number; sent: number };
}

/** Where a kill fell, for the log (not asserted: it depends on the machine's speed). */
export function killPoint(wren: TestCore, accountId: number): string {
  const states = wren.core.store.db.prepare("SELECT state FROM operations WHERE account_id = ? AND state IN ('pending', 'sent')").pluck().all(accountId) as string[];
  return states.length === 0 ? 'after' : states.includes('sent') ? 'mid-entry' : `before (${states.length} left)`;
}

/**
 * `wren sync` on the test core's data replays the journal first; it is killed
 * (SIGKILL) `delayMs` after its replay has visibly started (an entry sent or
 * done), so the kills fall inside the replay rather than during process start.
 * Needs the built CLI (npm run build:main).
 */
export async function replayKilledAfter(wren: TestCore, accountId: number, account: string, delayMs: number): Promise<void> {
  const before = journalState(wren, accountId).unfinished;
  const child = spawn(process.execPath, ['bin/wren.cjs', '--data-dir', join(wren.dir, 'data'), 'sync', account], {
    env: { ...process.env, WREN_KEY_FILE: join(wren.dir, 'keys', 'secret.key') }, stdio: 'ignore',
  });
  let running = true;
  const exited = new Promise((resolve) => child.once('exit', resolve)).finally(() => (running = false));
  while (running) {
    const now = journalState(wren, accountId);
    if (now.sent > 0 || now.unfinished < before) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  await exited;
  clearTimeout(timer);
}
