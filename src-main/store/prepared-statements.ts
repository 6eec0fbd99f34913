import type { Statement } from 'better-sqlite3';
import type { Db } from './open-database';

/**
 * A repository's SQL statements, each prepared on first use and then reused:
 * preparing costs more than running a small statement, and sync runs the same
 * few statements thousands of times.
 */
export class PreparedStatements {
  private readonly prepared = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  get(sql: string): Statement {
    return this.cached(sql, () => this.db.prepare(sql));
  }

  /** The statement in pluck mode (rows come back as their first column); kept apart, as the mode sticks to the statement. */
  pluck(sql: string): Statement {
    return this.cached(`pluck ${sql}`, () => this.db.prepare(sql).pluck());
  }

  private cached(key: string, prepare: () => Statement): Statement {
    let statement = this.prepared.get(key);
    if (!statement) {
      statement = prepare();
      this.prepared.set(key, statement);
    }
    return statement;
  }
}
