import type { SavedSearch } from '../ipc/contract';
import type { Db } from './open-database';
import { NAME_SORT_KEY } from './name-sort-key';
import { PreparedStatements } from './prepared-statements';

const COLUMNS = 'id, name, query';
/** By name as the user reads it (case aside, Chinese by its pinyin), then in the order they were saved. */
const ORDER = `ORDER BY ${NAME_SORT_KEY}(name), id`;

/** The saved searches (migration 0034). */
export class SavedSearchesRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  list(): SavedSearch[] {
    return this.statements.get(`SELECT ${COLUMNS} FROM saved_searches ${ORDER}`).all() as SavedSearch[];
  }

  get(id: number): SavedSearch | null {
    return (this.statements.get(`SELECT ${COLUMNS} FROM saved_searches WHERE id = ?`).get(id) as SavedSearch | undefined) ?? null;
  }

  insert(name: string, query: string, now: number): number {
    return Number(this.statements.get('INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)').run(name, query, now).lastInsertRowid);
  }

  /** False when there is no such search. */
  update(id: number, name: string, query: string): boolean {
    return this.statements.get('UPDATE saved_searches SET name = ?, query = ? WHERE id = ?').run(name, query, id).changes > 0;
  }

  remove(id: number): boolean {
    return this.statements.get('DELETE FROM saved_searches WHERE id = ?').run(id).changes > 0;
  }
}
