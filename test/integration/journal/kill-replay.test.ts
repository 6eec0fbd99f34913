import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOperation } from '../../../src-main/journal/apply-operation';
import type { Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { JournalFixture, startJournalLab, stopJournalLab, onServer, subjects } from './journal-lab';

/** How many times a replaying process is killed (kill -9) at a random point; the issue asks for 20. */
const KILL_ROUNDS = 20;
/** A round's replay (a few entries) takes about this long on the lab once started. */
const KILL_WINDOW_MS = 120;

/** A seeded PRNG (mulberry32), so a failing round can be replayed with the same kill points. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('replay killed (kill -9) at random points', () => {
  let lab: Lab;
  let wren: TestCore;
  let f: JournalFixture;
  const bob = () => lab.users[1]!;
  const seed = Number(process.env.WREN_KILL_SEED ?? Date.now() % 100_000);

  beforeAll(async () => {
    ({ lab, wren, f } = await startJournalLab());
  });
  afterAll(() => stopJournalLab(lab, wren));

  /** Entries not done yet, and how many of them the server has been asked about. */
  function journalState(): { unfinished: number; sent: number } {
    return wren.core.store.db
      .prepare("SELECT count(*) AS unfinished, count(*) FILTER (WHERE state = 'sent') AS sent FROM operations WHERE account_id = ? AND state IN ('pending', 'sent')")
      .get(f.accountId) as { unfinished: number; sent: number };
  }

  /**
   * `wren sync` on the same data replays the journal first; it is killed
   * `delayMs` after its replay has visibly started (an entry sent or done),
   * so the kills fall inside the replay rather than during process start.
   */
  async function replayKilledAfter(delayMs: number): Promise<void> {
    const before = journalState().unfinished;
    const child = spawn(process.execPath, ['bin/wren.cjs', '--data-dir', join(wren.dir, 'data'), 'sync', bob().email], {
      env: { ...process.env, WREN_KEY_FILE: join(wren.dir, 'keys', 'secret.key') }, stdio: 'ignore',
    });
    let running = true;
    const exited = new Promise((resolve) => child.once('exit', resolve)).finally(() => (running = false));
    while (running) {
      const now = journalState();
      if (now.sent > 0 || now.unfinished < before) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    await exited;
    clearTimeout(timer);
  }

  it(`ends with the server as asked, nothing lost and nothing duplicated, after ${KILL_ROUNDS} kills (seed in the test name's log)`, async () => {
    console.log(`kill-replay seed ${seed} (WREN_KILL_SEED to repeat)`);
    const next = random(seed);
    const killedAt: string[] = [];
    await f.seed('KillTo', 1);
    await f.seed('KillCopy', 1);
    const expected = { Kill: new Set<string>(), KillTo: new Set(subjects(f.local('KillTo'))), KillCopy: new Set(subjects(f.local('KillCopy'))) };
    for (let round = 0; round < KILL_ROUNDS; round += 1) {
      const seeded = await f.seed('Kill', 3);
      const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
      // Stored locally as the UI does, without the core's own prompt replay: the killed process replays.
      applyOperation(wren.core.store, { kind: 'move', messageIds: [ids[0]!, ids[1]!], folderId: f.folderId('KillTo') });
      applyOperation(wren.core.store, { kind: 'copy', messageIds: [ids[2]!], folderId: f.folderId('KillCopy') });
      applyOperation(wren.core.store, { kind: 'flags', messageIds: [ids[2]!], add: ['\\Flagged'], remove: [] });
      expected.KillTo.add(names[0]!).add(names[1]!);
      expected.Kill.add(names[2]!);
      expected.KillCopy.add(names[2]!);
      await replayKilledAfter(Math.floor(next() * KILL_WINDOW_MS));
      const states = wren.core.store.db.prepare("SELECT state FROM operations WHERE account_id = ? AND state IN ('pending', 'sent')").pluck().all(f.accountId) as string[];
      killedAt.push(states.length === 0 ? 'after' : states.includes('sent') ? 'mid-entry' : `before (${states.length} left)`);
    }
    // Where the kills fell (not asserted: it depends on the machine's speed).
    console.log(`kill-replay kills: ${killedAt.join(', ')}`);
    await wren.core.sync.run(f.accountId, false);
    expect(wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
    expect(f.failed).toEqual([]);

    for (const [folder, want] of Object.entries(expected)) {
      const got = subjects(await onServer(lab, bob().email, folder));
      expect({ folder, got }).toEqual({ folder, got: [...want].sort() }); // each once: none lost, none duplicated
    }
    const kept = await onServer(lab, bob().email, 'Kill');
    expect(kept.every((m) => m.flags.includes('\\Flagged'))).toBe(true);
  }, 600_000);
});
