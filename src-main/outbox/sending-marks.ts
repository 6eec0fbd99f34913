import { currentBoot } from '../system/boot-identity';
import type { Store } from '../store/store';
import type { SendJob } from './outbox-engine';

/**
 * The "sending" marks of the messages on an account's SMTP connection. A
 * message's mark must be on the disk before a byte of it goes (else a power
 * loss could take the mark back and leave a delivered message queued to go
 * again), and a flush takes about a millisecond: waited for at every turn,
 * it held the line that long per message. So when a message's turn comes,
 * the message next in line is marked too, ahead of its turn, and its flush
 * runs while this one is on the line; at its own turn it only records that
 * the turn came (began_at, committed before its envelope goes). A crash in
 * between leaves it "sending" without began_at, which recovery queues again
 * when the machine has not restarted since (see OutboxRepo.requeueIfUnbegun).
 */
export class SendingMarks {
  private readonly boot = currentBoot();
  /** Each account's sends handed to its connection and waiting their turn, in the order they were handed over. */
  private readonly waiting = new Map<number, SendJob[]>();
  /** Marks written ahead of a message's turn, by outbox row: true once on the disk, false when the row had moved on. */
  private readonly ahead = new Map<number, Promise<boolean>>();

  constructor(
    private readonly store: Store,
    /** Flushes the marks committed so far; the first byte of a message waits for it. */
    private readonly flushNow: () => Promise<void>,
    /** The same, for a mark written ahead: no one waits for it yet. */
    private readonly flushInBackground: () => Promise<void>,
  ) {}

  /** A send handed to the connection: it waits its turn behind those handed over before it. */
  handedOver(job: SendJob): void {
    const line = this.waiting.get(job.accountId) ?? [];
    line.push(job);
    this.waiting.set(job.accountId, line);
  }

  /**
   * The message's turn has come, before its envelope: resolves once its mark
   * is on the disk; rejects when the row was taken back or claimed elsewhere
   * meanwhile (then not a byte of it may go).
   */
  async turnBegins(job: SendJob): Promise<void> {
    this.leaveLine(job);
    const markedAhead = this.ahead.get(job.outboxId);
    if (markedAhead) {
      this.ahead.delete(job.outboxId);
      if (!(await markedAhead)) throw takenBack();
      // Its turn and the next one's mark in one commit.
      const next = this.store.db.transaction(() => (this.store.outbox.markBegan(job.outboxId, job.token) ? this.markNext(job.accountId) : false))();
      if (next === false) throw takenBack();
      if (next !== null) this.ahead.set(next, this.flushInBackground().then(() => true));
      return;
    }
    const next = this.store.db.transaction(() => (this.store.outbox.beginSending(job.outboxId, job.token, this.boot, true) ? this.markNext(job.accountId) : false))();
    if (next === false) throw takenBack();
    // Both marked before the flush, which then puts both on the disk.
    const flushed = this.flushNow();
    if (next !== null) this.ahead.set(next, flushed.then(() => true));
    await flushed;
  }

  /**
   * The send ended before its first byte (refused, cut, taken back, or never
   * at its turn): a mark it had, ahead or not, is taken back, so the row is
   * queued as one that sent nothing.
   */
  unbegun(job: SendJob): void {
    this.leaveLine(job);
    this.ahead.delete(job.outboxId);
    try {
      this.store.outbox.endSendingUnbegun(job.outboxId, job.token);
    } catch (error) {
      // Left "sending" (a busy database): recovery then asks the Sent folder, never resends blindly.
      console.warn('[wren] outbox: could not put back a message that never began to send:', (error as Error).message);
    }
  }

  /** Marks the account's next waiting message "sending" ahead of its turn (not flushed); its row id, or null. */
  private markNext(accountId: number): number | null {
    const next = this.waiting.get(accountId)?.find((job) => !this.ahead.has(job.outboxId));
    if (!next) return null;
    if (this.store.outbox.beginSending(next.outboxId, next.token, this.boot, false)) return next.outboxId;
    // Taken back meanwhile: its turn will find that out.
    this.ahead.set(next.outboxId, Promise.resolve(false));
    return null;
  }

  private leaveLine(job: SendJob): void {
    const line = this.waiting.get(job.accountId);
    const at = line?.indexOf(job) ?? -1;
    if (at >= 0) line!.splice(at, 1);
    if (line?.length === 0) this.waiting.delete(job.accountId);
  }
}

function takenBack(): Error {
  return new Error('The message was taken back before it was sent.');
}
