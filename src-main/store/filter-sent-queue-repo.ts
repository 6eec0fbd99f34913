import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

/** A sent message whose Sent copy the "after sending" filters wait for. */
export interface QueuedSent {
  messageId: string;
  sentAt: number;
}

/** Sent messages waiting for their Sent copy to reach the store, for the filters that run after sending (migration 0041). */
export class FilterSentQueueRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /** Noted once: a message whose Sent copy is filed again (a retry) is not filtered twice. */
  add(accountId: number, messageId: string, sentAt: number): void {
    this.statements.get('INSERT OR IGNORE INTO filter_sent_queue (account_id, message_id, sent_at) VALUES (?, ?, ?)').run(accountId, messageId, sentAt);
  }

  list(accountId: number): QueuedSent[] {
    return this.statements
      .get('SELECT message_id AS messageId, sent_at AS sentAt FROM filter_sent_queue WHERE account_id = ? ORDER BY sent_at')
      .all(accountId) as QueuedSent[];
  }

  remove(accountId: number, messageIds: readonly string[]): void {
    const remove = this.statements.get('DELETE FROM filter_sent_queue WHERE account_id = ? AND message_id = ?');
    for (const messageId of messageIds) remove.run(accountId, messageId);
  }
}
