import type { FilterActions, FilterCondition, MessageFilter } from '../ipc/filter-shapes';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

interface FilterRow {
  id: number; accountId: number; position: number; name: string; enabled: number; match: 'all' | 'any'; conditions_json: string; actions_json: string;
}

const COLUMNS = 'id, account_id AS accountId, position, name, enabled, match, conditions_json, actions_json';

/** An account's message filters, in the order they run. */
export class FiltersRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  list(accountId: number): MessageFilter[] {
    return (this.statements.get(`SELECT ${COLUMNS} FROM message_filters WHERE account_id = ? ORDER BY position, id`).all(accountId) as FilterRow[]).map(toFilter);
  }

  get(filterId: number): MessageFilter | undefined {
    const row = this.statements.get(`SELECT ${COLUMNS} FROM message_filters WHERE id = ?`).get(filterId) as FilterRow | undefined;
    return row && toFilter(row);
  }

  /** A new filter runs last; a saved one keeps its place. */
  insert(filter: Omit<MessageFilter, 'id' | 'position'>): number {
    const position = (this.statements.pluck('SELECT coalesce(max(position), 0) + 1 FROM message_filters WHERE account_id = ?').get(filter.accountId) as number);
    const result = this.statements
      .get('INSERT INTO message_filters (account_id, position, name, enabled, match, conditions_json, actions_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(filter.accountId, position, filter.name, filter.enabled ? 1 : 0, filter.match, JSON.stringify(filter.conditions), JSON.stringify(filter.actions));
    return Number(result.lastInsertRowid);
  }

  update(filter: Omit<MessageFilter, 'position'>): void {
    this.statements
      .get('UPDATE message_filters SET name = ?, enabled = ?, match = ?, conditions_json = ?, actions_json = ? WHERE id = ? AND account_id = ?')
      .run(filter.name, filter.enabled ? 1 : 0, filter.match, JSON.stringify(filter.conditions), JSON.stringify(filter.actions), filter.id, filter.accountId);
  }

  remove(filterId: number): boolean {
    return this.statements.get('DELETE FROM message_filters WHERE id = ?').run(filterId).changes > 0;
  }
}

function toFilter(row: FilterRow): MessageFilter {
  return {
    id: row.id, accountId: row.accountId, position: row.position, name: row.name, enabled: row.enabled === 1, match: row.match,
    conditions: JSON.parse(row.conditions_json) as FilterCondition[], actions: JSON.parse(row.actions_json) as FilterActions,
  };
}
