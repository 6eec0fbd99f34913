import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendJob } from '../../../src-main/outbox/outbox-engine';
import { MARKED_AHEAD, SendingMarks } from '../../../src-main/outbox/sending-marks';
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
    expect(stateOf(jobs[5]!)).toBe('sending');
  });
});
