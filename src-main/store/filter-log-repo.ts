import type { ErrorShape } from '../errors/error-codes';
import type { FilterLogAction, FilterLogEntry } from '../ipc/filter-shapes';
import type { Address } from '../ipc/mail-shapes';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

/** What a filter sends goes through the outbox, not the journal: never refused by a replay. */
const SENDINGS: ReadonlySet<FilterLogAction['kind']> = new Set(['redirect', 'forward', 'reply']);

/** How many entries an account's Filter Log keeps: the newest. */
export const FILTER_LOG_KEPT = 1000;

/** A line to add: what a filter did to a message, now. */
export interface NewFilterLogEntry {
  filterId: number;
  filterName: string;
  from: Address;
  subject: string;
  did: FilterLogAction[];
  /** Which journal operation carries which of `did` (its index), for the message with that Message-ID. */
  operations?: readonly OperationLink[];
}

export interface OperationLink {
  actionIndex: number;
  operationId: number;
  messageId: string | null;
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
    // Only while the operation is unfinished: a link to one done already would outlive it, and its id may come again.
    const link = this.statements.get(
      `INSERT INTO filter_log_operations (operation_id, entry_id, action_index, message_id)
       SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM operations WHERE id = ? AND state IN ('pending', 'sent', 'failed'))`,
    );
    for (const entry of entries.slice(-FILTER_LOG_KEPT)) {
      const { lastInsertRowid } = insert.run(accountId, at, entry.filterId, entry.filterName, entry.from.name, entry.from.address, entry.subject, JSON.stringify(entry.did));
      for (const { operationId, actionIndex, messageId } of entry.operations ?? []) link.run(operationId, lastInsertRowid, actionIndex, messageId, operationId);
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

  /**
   * The server refused an operation (operation.failed): the changes it carried are marked refused, with why. A failure
   * that names the messages it missed (`details.missing`, their Message-IDs) marks only theirs. Returns the entries marked.
   */
  refuse(operationId: number, error: ErrorShape): number {
    const links = this.statements
      .get('DELETE FROM filter_log_operations WHERE operation_id = ? RETURNING entry_id AS entryId, action_index AS actionIndex, message_id AS messageId')
      .all(operationId) as { entryId: number; actionIndex: number; messageId: string | null }[];
    const missing = missingMessages(error);
    const refused = links.filter((link) => missing === null || (link.messageId !== null && missing.has(link.messageId)));
    const read = this.statements.pluck('SELECT did_json FROM filter_log WHERE id = ?');
    const write = this.statements.get('UPDATE filter_log SET did_json = ? WHERE id = ?');
    const entries = new Set(refused.map((link) => link.entryId));
    for (const entryId of entries) {
      const json = read.get(entryId) as string | undefined;
      if (json === undefined) continue;
      const did = JSON.parse(json) as FilterLogAction[];
      for (const link of refused) {
        const action = did[link.actionIndex];
        if (link.entryId === entryId && action && !SENDINGS.has(action.kind)) Object.assign(action, { refused: error });
      }
      write.run(JSON.stringify(did), entryId);
    }
    return entries.size;
  }

  clear(accountId: number): number {
    return this.statements.get('DELETE FROM filter_log WHERE account_id = ?').run(accountId).changes;
  }
}

/** The Message-IDs a failure says it missed, or null when it names none (then it missed them all). */
function missingMessages(error: ErrorShape): Set<string> | null {
  const missing = error.details?.missing;
  return Array.isArray(missing) && missing.every((id) => typeof id === 'string') ? new Set(missing as string[]) : null;
}
