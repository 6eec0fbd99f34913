import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

/** When each account's periodic filters last ran, or their period began (migration 0043). */
export class PeriodicFilterRunsRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /** Milliseconds since the epoch; undefined when the account's period has not begun. */
  lastRun(accountId: number): number | undefined {
    const row = this.statements.get('SELECT at FROM periodic_filter_runs WHERE account_id = ?').get(accountId) as { at: number } | undefined;
    return row?.at;
  }

  record(accountId: number, at: number): void {
    this.statements.get('INSERT INTO periodic_filter_runs (account_id, at) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET at = excluded.at').run(accountId, at);
  }

  forget(accountId: number): void {
    this.statements.get('DELETE FROM periodic_filter_runs WHERE account_id = ?').run(accountId);
  }
}
