import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../../src-main/journal/apply-operation';
import { killPoints } from '../kill-loop';
import { journalLab, onServer, subjects } from './journal-lab';
import { killPoint, replayKilledAfter } from './killed-replay';

/** How many times a replaying process is killed (kill -9) at a random point; the issue asks for 20. */
const KILL_ROUNDS = 20;
/** A round's replay (a few entries) takes about this long on the lab once started. */
const KILL_WINDOW_MS = 120;

describe('replay killed (kill -9) at random points', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;

  it(`ends with the server as asked, nothing lost and nothing duplicated, after ${KILL_ROUNDS} kills (seed in the test's log)`, async () => {
    const next = killPoints('kill-replay');
    const killedAt: string[] = [];
    await f.seed('KillTo', 1);
    await f.seed('KillCopy', 1);
    const expected = { Kill: new Set<string>(), KillTo: new Set(subjects(f.local('KillTo'))), KillCopy: new Set(subjects(f.local('KillCopy'))) };
    for (let round = 0; round < KILL_ROUNDS; round += 1) {
      const seeded = await f.seed('Kill', 3);
      const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
      // Stored locally as the UI does, without the core's own prompt replay: the killed process replays.
      applyOperation(f.wren.core.store, { kind: 'move', messageIds: [ids[0]!, ids[1]!], folderId: f.folderId('KillTo') });
      applyOperation(f.wren.core.store, { kind: 'copy', messageIds: [ids[2]!], folderId: f.folderId('KillCopy') });
      applyOperation(f.wren.core.store, { kind: 'flags', messageIds: [ids[2]!], add: ['\\Flagged'], remove: [] });
      expected.KillTo.add(names[0]!).add(names[1]!);
      expected.Kill.add(names[2]!);
      expected.KillCopy.add(names[2]!);
      await replayKilledAfter(f, Math.floor(next() * KILL_WINDOW_MS));
      killedAt.push(killPoint(f));
    }
    // Where the kills fell (not asserted: it depends on the machine's speed).
    console.log(`kill-replay kills: ${killedAt.join(', ')}`);
    await f.wren.core.sync.run(f.accountId, false);
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
    expect(f.failed).toEqual([]);

    for (const [folder, want] of Object.entries(expected)) {
      const got = subjects(await onServer(f.lab, bob().email, folder));
      expect({ folder, got }).toEqual({ folder, got: [...want].sort() }); // each once: none lost, none duplicated
    }
    const kept = await onServer(f.lab, bob().email, 'Kill');
    expect(kept.every((m) => m.flags.includes('\\Flagged'))).toBe(true);
  }, 600_000);
});
