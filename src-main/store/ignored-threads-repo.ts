import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

/** What links a message into its thread, and whether it is read. */
export interface ThreadLinks {
  id: number;
  messageId: string | null;
  inReplyTo: string | null;
  threadRoot: string | null;
  seen: boolean;
}

/** The ignored threads' Message-IDs (migration 0036). */
export class IgnoredThreadsRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  linksOf(ids: readonly number[]): ThreadLinks[] {
    const query = this.statements.get('SELECT id, message_id AS messageId, in_reply_to AS inReplyTo, thread_root AS threadRoot, seen FROM messages WHERE id = ?');
    return ids
      .map((id) => query.get(id) as (Omit<ThreadLinks, 'seen'> & { seen: number }) | undefined)
      .filter((row) => row !== undefined)
      .map((row) => ({ ...row, seen: row.seen === 1 }));
  }

  add(messageIds: Iterable<string>, now: number): void {
    const insert = this.statements.get('INSERT OR IGNORE INTO ignored_threads (message_id, ignored_at) VALUES (?, ?)');
    for (const messageId of messageIds) insert.run(messageId, now);
  }

  remove(messageIds: Iterable<string>): void {
    const remove = this.statements.get('DELETE FROM ignored_threads WHERE message_id = ?');
    for (const messageId of messageIds) remove.run(messageId);
  }

  /** Whether any of these Message-IDs is of an ignored thread. */
  holdsAny(messageIds: readonly (string | null)[]): boolean {
    const query = this.statements.pluck('SELECT 1 FROM ignored_threads WHERE message_id = ?');
    return messageIds.some((messageId) => messageId !== null && query.get(messageId) !== undefined);
  }
}
