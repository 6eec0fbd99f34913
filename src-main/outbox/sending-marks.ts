import { currentBoot } from '../system/boot-identity';
import type { Store } from '../store/store';
import type { SendJob } from './outbox-engine';

/**
 * How many messages waiting their turn on a connection are marked "sending"
 * ahead of it. Every other turn marks two more (MARKED_TOGETHER), whose
 * flush has until the nearer one's turn, two turns later: a flush takes
 * about 0.3 ms alone here but up to several ms beside the sink, the core and
 * their GC on two cores, and with one turn of slack the line waited for
 * about one flush in ten (0.1 to 0.35 s over 1,000 messages). The price: after a power loss,
 * these few are for the Sent folder or the user to settle (see below).
 */
export const MARKED_AHEAD = 3;

/**
 * The marks are topped up this many at a time (once that many turns have
 * used theirs), so a background flush runs every other turn, not at each:
 * a flush costs the sending thread an open, a hand-over to libuv's pool and
 * a close (about 0.05 ms), and the pool a fsync, per message. The nearest
 * new mark still has two turns to reach the disk.
 */
export const MARKED_TOGETHER = 2;

/** A row found taken back when it was to be marked ahead: it holds no mark, and its turn is refused. */
const TAKEN_BACK: Promise<boolean> = Promise.resolve(false);

/**
 * The "sending" marks of the messages on an account's SMTP connection. A
 * message's mark must be on the disk before a byte of it goes (else a power
 * loss could take the mark back and leave a delivered message queued to go
 * again), and a flush takes about a millisecond: waited for at every turn,
 * it held the line that long per message. So when a message's turn comes,
 * the messages next in line are marked too (MARKED_AHEAD of them), ahead of
 * their turn, and their flush runs while this one is on the line; at its own
 * turn a message only records that the turn came (began_at, committed before
 * its first byte). A crash in between leaves it "sending" without
 * began_at, which recovery queues again when the machine has not restarted
 * since (see OutboxRepo.requeueIfUnbegun).
 */
export class SendingMarks {
  private readonly boot = currentBoot();
  /** Each account's sends handed to its connection and waiting their turn, in the order they were handed over. */
  private readonly waiting = new Map<number, SendJob[]>();
  /** Marks written ahead of a message's turn, by outbox row: true once on the disk; TAKEN_BACK when the row had moved on. */
  private readonly ahead = new Map<number, Promise<boolean>>();

  constructor(
    private readonly store: Store,
    /** Flushes the marks committed so far; the first byte of a message waits for it. */
    private readonly flushNow: () => Promise<void>,
    /** The same, for marks written ahead: no one waits for them yet. */
    private readonly flushInBackground: () => Promise<void>,
    /** Runs a turn's writes in one immediate transaction (the engine adds the "sent" marks waiting to be written). */
    private readonly inOneCommit: <T>(work: () => T) => T = (work) => store.db.transaction(work).immediate(),
  ) {}

  /** A send handed to the connection: it waits its turn behind those handed over before it. */
  handedOver(job: SendJob): void {
    const line = this.waiting.get(job.accountId) ?? [];
    line.push(job);
    this.waiting.set(job.accountId, line);
  }

  /**
   * The message's turn has come (its envelope goes meanwhile): resolves once
   * its mark is on the disk and its turn recorded; rejects when the row was
   * taken back or claimed elsewhere meanwhile (then not a byte of it may go).
   */
  async turnBegins(job: SendJob): Promise<void> {
    this.leaveLine(job);
    const markedAhead = this.ahead.get(job.outboxId);
    this.ahead.delete(job.outboxId);
    if (markedAhead && !(await markedAhead)) throw takenBack();
    // Its turn and the marks of those next in line in one commit.
    const markedNow = this.inOneCommit(() => {
      const began = markedAhead ? this.store.outbox.markBegan(job.outboxId, job.token) : this.store.outbox.beginSending(job.outboxId, job.token, this.boot, true);
      return began ? this.markAhead(job.accountId) : null;
    });
    if (markedNow === null) throw takenBack();
    if (markedAhead) {
      // Its own mark is on the disk already; the new ones have until their turns.
      if (markedNow.length > 0) this.flushedAhead(markedNow, this.flushInBackground());
      return;
    }
    // All marked before the flush, which then puts them all on the disk.
    const flushed = this.flushNow();
    this.flushedAhead(markedNow, flushed);
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

  /**
   * Marks the account's next waiting messages "sending" ahead of their turn (not flushed), up to MARKED_AHEAD,
   * once MARKED_TOGETHER of them can be marked; their row ids.
   */
  private markAhead(accountId: number): number[] {
    const line = this.waiting.get(accountId) ?? [];
    const marked: number[] = [];
    // A row found taken back holds no mark: the next in line is marked in its place.
    let already = line.filter((job) => this.ahead.has(job.outboxId) && this.ahead.get(job.outboxId) !== TAKEN_BACK).length;
    if (already > MARKED_AHEAD - MARKED_TOGETHER) return marked;
    for (const next of line) {
      if (already >= MARKED_AHEAD) break;
      if (this.ahead.has(next.outboxId)) continue;
      if (this.store.outbox.beginSending(next.outboxId, next.token, this.boot, false)) {
        marked.push(next.outboxId);
        already += 1;
      } else {
        // Taken back meanwhile: its turn will find that out.
        this.ahead.set(next.outboxId, TAKEN_BACK);
      }
    }
    return marked;
  }

  private flushedAhead(ids: number[], flushed: Promise<void>): void {
    const onDisk = flushed.then(() => true);
    for (const id of ids) this.ahead.set(id, onDisk);
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
