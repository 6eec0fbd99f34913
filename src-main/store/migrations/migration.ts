/** A numbered schema step. `up` runs inside a transaction with the version bump. */
export interface Migration {
  version: number;
  name: string;
  up: string;
  /**
   * It rebuilds a table other tables refer to, keeping its row ids: run with the foreign keys off (SQLite's
   * way; with them on, dropping the old table would cascade into the rows that refer to it).
   */
  rebuildsReferencedTable?: boolean;
}
