import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

/** What a filter sends: a message sent on as it is, forwarded, or answered with a template. */
export type FilterSendingKind = 'redirect' | 'forward' | 'reply';

/**
 * What filters have sent, so that none sends a message to the same address twice (migration 0042): a periodic run
 * meets the same Inbox every few minutes, and "Run now" may be pressed twice. By Message-ID, which survives a move.
 */
export class FilterSendingsRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  has(accountId: number, messageId: string, kind: FilterSendingKind, target: string): boolean {
    return this.statements
      .get('SELECT 1 FROM filter_sendings WHERE account_id = ? AND message_id = ? AND kind = ? AND target = ?')
      .get(accountId, messageId, kind, target) !== undefined;
  }

  add(accountId: number, messageId: string, kind: FilterSendingKind, target: string, at: number): void {
    this.statements
      .get('INSERT OR IGNORE INTO filter_sendings (account_id, message_id, kind, target, at) VALUES (?, ?, ?, ?, ?)')
      .run(accountId, messageId, kind, target, at);
  }
}
