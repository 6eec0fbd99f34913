import type { FilterLogAction, FilterLogEntry } from '../ipc/filter-shapes';
import type { Address } from '../ipc/mail-shapes';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

/** How many entries an account's Filter Log keeps: the newest. */
export const FILTER_LOG_KEPT = 1000;

/** A line to add: what a filter did to a message, now. */
export interface NewFilterLogEntry {
  filterId: number;
  filterName: string;
  from: Address;
  subject: string;
  did: FilterLogAction[];
}

interface FilterLogRow {
  id: number; at: number; filterId: number; filterName: string; from_name: string; from_addr: string; subject: string; did_json: string;
}

/** Thunderbird's Filter Log, per account (migration 0039): the newest FILTER_LOG_KEPT entries. */
export class FilterLogRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /** Adds what one run did (only its newest FILTER_LOG_KEPT, a "Run now" over a big folder may do more), dropping the oldest beyond. */
  add(accountId: number, at: number, entries: readonly NewFilterLogEntry[]): void {
    const insert = this.statements.get(
      'INSERT INTO filter_log (account_id, at, filter_id, filter_name, from_name, from_addr, subject, did_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const entry of entries.slice(-FILTER_LOG_KEPT)) {
      insert.run(accountId, at, entry.filterId, entry.filterName, entry.from.name, entry.from.address, entry.subject, JSON.stringify(entry.did));
    }
    this.statements
      .get('DELETE FROM filter_log WHERE account_id = ? AND id <= (SELECT id FROM filter_log WHERE account_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)')
      .run(accountId, accountId, FILTER_LOG_KEPT);
  }

  /** The newest first. */
  list(accountId: number, limit: number): FilterLogEntry[] {
    const rows = this.statements
      .get('SELECT id, at, filter_id AS filterId, filter_name AS filterName, from_name, from_addr, subject, did_json FROM filter_log WHERE account_id = ? ORDER BY id DESC LIMIT ?')
      .all(accountId, limit) as FilterLogRow[];
    return rows.map((row) => ({
      id: row.id, at: row.at, filterId: row.filterId, filterName: row.filterName, from: { name: row.from_name, address: row.from_addr }, subject: row.subject,
      did: JSON.parse(row.did_json) as FilterLogAction[],
    }));
  }

  clear(accountId: number): number {
    return this.statements.get('DELETE FROM filter_log WHERE account_id = ?').run(accountId).changes;
  }
}
