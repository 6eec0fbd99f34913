import type { RefusedRecipient } from '../ipc/compose-shapes';
import type { OutboxRepo } from '../store/outbox-repo';
import type { Db } from '../store/open-database';

/** Sends end one at a time: their marks are gathered this long into one transaction (a crash meanwhile leaves them "sending"). */
const GATHER_MS = 5;

interface Mark {
  outboxId: number;
  refused: RefusedRecipient[];
  sentCopy: 'pending' | 'skipped';
  done(error?: unknown): void;
}

/**
 * Records "sent" for messages the server accepted, written where the send
 * ran (the outbox worker) and grouped: the marks gathered over a few ms go
 * in one transaction, or sooner in the next message's turn (`withMarks`),
 * whose commit the connection waits for anyway; each caller hears back once
 * its mark is committed. A crash before the commit leaves the row "sending",
 * which recovery settles by the Sent folder or the user: never a blind
 * resend.
 */
export class SentMarks {
  private pending: Mark[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db, private readonly outbox: OutboxRepo) {}

  mark(outboxId: number, refused: RefusedRecipient[], sentCopy: 'pending' | 'skipped'): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ outboxId, refused, sentCopy, done: (error) => (error === undefined ? resolve() : reject(error)) });
      this.commitLater();
    });
  }

  /**
   * Runs `work` in one immediate transaction with the marks gathered so far.
   * When it fails, the marks are gathered again for a commit of their own:
   * another write's trouble is not theirs.
   */
  withMarks<T>(work: () => T): T {
    const group = this.takePending();
    try {
      return this.commitGroup(group, work);
    } catch (error) {
      if (group.length > 0) {
        this.pending.unshift(...group);
        this.commitLater();
      }
      throw error;
    }
  }

  private commitLater(): void {
    this.timer ??= setTimeout(() => this.commit(), GATHER_MS);
  }

  private commit(): void {
    const group = this.takePending();
    try {
      this.commitGroup(group, () => undefined);
    } catch (error) {
      for (const m of group) m.done(error);
    }
  }

  /** The group's marks and `work` in one immediate transaction; the group hears back once it is committed. */
  private commitGroup<T>(group: Mark[], work: () => T): T {
    const result = this.db.transaction(() => {
      this.write(group);
      return work();
    }).immediate();
    for (const m of group) m.done();
    return result;
  }

  private takePending(): Mark[] {
    const group = this.pending;
    this.pending = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return group;
  }

  private write(group: Mark[]): void {
    const now = Date.now();
    for (const m of group) this.outbox.markSent(m.outboxId, m.refused, m.sentCopy, now);
  }
}
