import type { OutboxRepo } from '../store/outbox-repo';
import type { Db } from '../store/open-database';

/** Sends end one at a time: their marks are gathered this long into one transaction (a crash meanwhile leaves them "sending"). */
const GATHER_MS = 5;

interface Mark {
  outboxId: number;
  refused: string[];
  sentCopy: 'pending' | 'skipped';
  done(error?: unknown): void;
}

/**
 * Records "sent" for messages the server accepted, written where the send
 * ran (the outbox worker) and grouped: the replies that arrive within a
 * few ms of each other are marked in one transaction, and each caller hears
 * back once its mark is committed. A crash before the commit leaves the row
 * "sending", which recovery settles by the Sent folder or the user: never
 * a blind resend.
 */
export class SentMarks {
  private pending: Mark[] = [];

  constructor(private readonly db: Db, private readonly outbox: OutboxRepo) {}

  mark(outboxId: number, refused: string[], sentCopy: 'pending' | 'skipped'): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ outboxId, refused, sentCopy, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.pending.length === 1) setTimeout(() => this.commit(), GATHER_MS);
    });
  }

  private commit(): void {
    const group = this.pending;
    this.pending = [];
    try {
      const now = Date.now();
      this.db.transaction(() => group.forEach((m) => this.outbox.markSent(m.outboxId, m.refused, m.sentCopy, now))).immediate();
    } catch (error) {
      for (const m of group) m.done(error);
      return;
    }
    for (const m of group) m.done();
  }
}
