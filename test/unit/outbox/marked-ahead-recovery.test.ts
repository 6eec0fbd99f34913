import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEngine, SendJob } from '../../../src-main/outbox/outbox-engine';
import { OutboxRunner } from '../../../src-main/outbox/outbox-runner';
import type { SentCopies } from '../../../src-main/outbox/sent-copy';
import { currentBoot } from '../../../src-main/system/boot-identity';
import { addAccount, tempStore } from '../store/temp-store';

/**
 * A message's "sending" mark may be written ahead of its turn, while the one
 * before it is on the line. A process that ended in between leaves it
 * "sending" with no began_at: in the same boot of the machine it provably sent
 * nothing and goes again; after a restart of the machine (or once its turn
 * came) no one can tell, and the Sent folder or the user decides.
 */
let temp: ReturnType<typeof tempStore>;
let accountId: number;
let sent: number[];
let askedSent: number;
let runner: OutboxRunner;

/** A pid no process has (the one that marked the row and ended). */
const GONE_PID = 2 ** 22 + 12_345;

beforeEach(() => {
  temp = tempStore();
  accountId = addAccount(temp.store, 'a');
  sent = [];
  askedSent = 0;
  const engine = {
    send(job: SendJob, onBegan: () => void) {
      if (!temp.store.outbox.beginSending(job.outboxId, job.token)) return Promise.reject(new Error('taken back'));
      onBegan();
      temp.store.outbox.markSent(job.outboxId, [], 'skipped');
      sent.push(job.outboxId);
      return Promise.resolve({ response: '250 OK', accepted: job.envelope.to, refused: [] });
    },
    takeBack() {},
  };
  // The Sent folder never has it: only the user could tell then.
  const sentCopies = { isInSent: async () => { askedSent += 1; return false; } } as unknown as SentCopies;
  runner = new OutboxRunner(temp.store, engine as unknown as OutboxEngine, sentCopies, {
    changed: () => undefined, sent: () => undefined, keepsSentCopy: () => false, serverFilesSentMail: () => undefined, inSentFolder: () => undefined,
  });
});
afterEach(async () => {
  await runner.stop();
  temp.dispose();
});

/** A row a process that ended had marked "sending": ahead of its turn (began false) or at it. */
function leftSending(boot: string | null, began: boolean): number {
  const id = temp.store.outbox.insert({
    accountId, messageId: '<ahead@example.test>', blob: 'b'.repeat(64), size: 10, envelope: { from: 'a@example.test', to: ['b@example.test'] },
    composedJson: null, subject: 'ahead', to: ['b@example.test'], state: 'queued', sendAt: null,
  });
  temp.store.db.prepare('UPDATE outbox SET claim_pid = ?, claim_token = ? WHERE id = ?').run(GONE_PID, 'gone', id);
  expect(temp.store.outbox.beginSending(id, 'gone', boot, began)).toBe(true);
  return id;
}

describe('a message marked "sending" ahead of its turn, by a process that ended', () => {
  it('in this boot of the machine, its turn never came: queued again and sent once, nobody asked', async () => {
    const id = leftSending(currentBoot(), false);
    await runner.flush();
    expect(sent).toEqual([id]);
    expect(temp.store.outbox.get(id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(askedSent).toBe(0);
  });

  it('in an earlier boot (a power loss may have taken back its began_at): the Sent folder, then the user decides', async () => {
    const id = leftSending('id:an-earlier-boot', false);
    await runner.flush();
    expect(sent).toEqual([]);
    expect(askedSent).toBe(1);
    expect(temp.store.outbox.get(id)?.state).toBe('unknown');
  });

  it('once its turn came (began_at), whatever the boot: not resent blindly', async () => {
    const id = leftSending(currentBoot(), true);
    await runner.flush();
    expect(sent).toEqual([]);
    expect(temp.store.outbox.get(id)?.state).toBe('unknown');
  });

  it('marked before marks were written ahead (no boot recorded): not resent blindly', async () => {
    const id = leftSending(null, false);
    await runner.flush();
    expect(sent).toEqual([]);
    expect(temp.store.outbox.get(id)?.state).toBe('unknown');
  });

  it('can still be taken back (Undo, cancel) until its turn comes, and no longer after', () => {
    const ahead = leftSending(currentBoot(), false);
    expect(temp.store.outbox.removeIfUnsent(ahead)).toBe(true);
    const atTurn = leftSending(currentBoot(), true);
    expect(temp.store.outbox.removeIfUnsent(atTurn)).toBe(false);
  });
});
