import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../../src-main/journal/apply-operation';
import { undoOperation } from '../../../src-main/journal/undo-operation';
import { simpleMessage } from '../../lab/simple-message';
import { killPoints } from '../kill-loop';
import { journalLab, onServer, subjects, type ServerMessage } from './journal-lab';
import { killPoint, replayKilledAfter } from './killed-replay';

/** Rounds of copy, replay killed (kill -9) at a random point, Undo; each round's Undo is replayed (and killed) in the next. */
const KILL_ROUNDS = 8;
const KILL_WINDOW_MS = 120;

describe('undo of a copy whose replay was killed at a random point', () => {
  const f = journalLab();

  it(`ends with only the originals and the older messages of the same Message-ID, after ${KILL_ROUNDS} kills (seed in the log)`, async () => {
    const next = killPoints('copy-undo-kill');
    const killedAt: string[] = [];
    const originals: string[] = [];
    const older: ServerMessage[] = [];
    for (let round = 0; round < KILL_ROUNDS; round += 1) {
      const [name, id] = [...(await f.seed('KillUndoFrom', 1))][0]!;
      // Already in the target: another message of the same Message-ID, which no Undo may take.
      await f.lab.seed(f.user, 'KillUndoTo', [simpleMessage(Number(name!.split(' ').at(-1)), { subject: 'Op KillUndoFrom' })]);
      await f.wren.core.sync.run(f.accountId, false);
      older.push(...(await onServer(f.lab, f.user, 'KillUndoTo')).filter((m) => m.subject === name)); // its copy is not made yet
      originals.push(name!);
      // Stored as the UI does, without the core's own replay: the killed process replays.
      const { operationId } = applyOperation(f.wren.core.store, { kind: 'copy', messageIds: [id!], folderId: f.folderId('KillUndoTo') });
      await replayKilledAfter(f, Math.floor(next() * KILL_WINDOW_MS));
      killedAt.push(killPoint(f));
      undoOperation(f.wren.core.store, operationId);
    }
    console.log(`copy-undo-kill kills: ${killedAt.join(', ')}`);
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(f.failed).toEqual([]);
    expect(await onServer(f.lab, f.user, 'KillUndoTo')).toEqual(older);
    expect(subjects(await onServer(f.lab, f.user, 'KillUndoFrom'))).toEqual([...originals].sort());
    expect(subjects(f.local('KillUndoTo'))).toEqual(subjects(older));
  }, 300_000);
});
