import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendJob } from '../../../src-main/outbox/outbox-engine';
import { MARKED_AHEAD, MARKED_TOGETHER, SendingMarks } from '../../../src-main/outbox/sending-marks';
import { addAccount, tempStore } from '../store/temp-store';
import { ENVELOPE, queuedRow } from './outbox-rows';

const TOKEN = 'this-runner';

let temp: ReturnType<typeof tempStore>;
let accountId: number;

beforeEach(() => {
  temp = tempStore();
  accountId = addAccount(temp.store, 'a');
});
afterEach(() => temp.dispose());

/** A queued row claimed by this runner, as the runner hands it to the engine. */
function queuedJob(n: number): SendJob {
  const outboxId = queuedRow(temp.store, accountId, n);
  temp.store.db.prepare('UPDATE outbox SET claim_pid = ?, claim_token = ? WHERE id = ?').run(process.pid, TOKEN, outboxId);
  return { accountId, outboxId, token: TOKEN, envelope: ENVELOPE, blob: 'b'.repeat(64), size: 10, sentCopy: 'skipped' };
}

function stateOf(job: SendJob): string | undefined {
  return temp.store.outbox.get(job.outboxId)?.state;
}

describe('SendingMarks: the messages next in line are marked "sending" ahead of their turn', () => {
  it('marks MARKED_AHEAD of them, a message taken back meanwhile not counting among them', async () => {
    expect(MARKED_AHEAD).toBe(3);
    const marks = new SendingMarks(temp.store, async () => undefined, async () => undefined);
    const jobs = [1, 2, 3, 4, 5, 6].map(queuedJob);
    for (const job of jobs) marks.handedOver(job);
    // Undo of the second message while the first waits for its turn on the connection.
    expect(temp.store.outbox.removeIfUnsent(jobs[1]!.outboxId)).toBe(true);

    await marks.turnBegins(jobs[0]!);
    // Three messages hold a mark ahead of their turn: the one taken back was no reason to mark one fewer.
    expect(jobs.map(stateOf)).toEqual(['sending', undefined, 'sending', 'sending', 'sending', 'queued']);

    await expect(marks.turnBegins(jobs[1]!)).rejects.toThrow(/taken back/);
    await marks.turnBegins(jobs[2]!);
    // Two still marked ahead: the marks are topped up together, at the next turn.
    expect(stateOf(jobs[5]!)).toBe('queued');
    await marks.turnBegins(jobs[3]!);
    expect(stateOf(jobs[5]!)).toBe('sending');
  });

  it('tops the marks up MARKED_TOGETHER at a time, so a background flush runs every other turn, and every turn finds its mark on the disk', async () => {
    expect(MARKED_TOGETHER).toBe(2);
    let flushedNow = 0;
    let flushedBehind = 0;
    const marks = new SendingMarks(temp.store, async () => void (flushedNow += 1), async () => void (flushedBehind += 1));
    const jobs = Array.from({ length: 10 }, (_, i) => queuedJob(i + 1));
    for (const job of jobs) marks.handedOver(job);
    for (const job of jobs) {
      await marks.turnBegins(job);
      const markedAhead = jobs.filter((other) => other.outboxId > job.outboxId && stateOf(other) === 'sending').length;
      expect(markedAhead).toBeGreaterThanOrEqual(Math.min(MARKED_AHEAD - MARKED_TOGETHER + 1, jobs.length - 1 - jobs.indexOf(job)));
      expect(markedAhead).toBeLessThanOrEqual(MARKED_AHEAD);
    }
    // Only the first turn waited for a flush of its own; the nine after it found their marks flushed ahead,
    // topped up at turns 3, 5 and 7 (the ninth had none left to mark).
    expect(flushedNow).toBe(1);
    expect(flushedBehind).toBe(3);
  });
});
