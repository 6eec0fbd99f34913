import Database from 'better-sqlite3';
import { WrenError } from '../errors/wren-error';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { registerListOrder } from './list-order';
import { registerSearchNames } from './search-name';
import { registerNameSortKey } from './name-sort-key';
import { registerPersonNamePinyin } from './person-name-pinyin';

export type Db = Database.Database;

const SLOW_QUERY_MS = 40;

/**
 * Opens (or creates) the cache database, in WAL mode with foreign keys, and
 * brings its schema up to date. A database written by a newer Wren is refused
 * before anything touches it, so going back a version never corrupts data.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, timeout: 5000 });
  } catch (error) {
    throw describeOpenFailure(file, error);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new WrenError(
        'DatabaseTooNew',
        `The database ${file} was written by a newer version of Wren (schema ${version}; this one knows up to ${LATEST_SCHEMA_VERSION}). Update Wren; the database was left untouched.`,
        { file, version, supported: LATEST_SCHEMA_VERSION },
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    // A statement that fires triggers (a message insert fires two) keeps the pages it changes in a
    // statement journal, so it can be undone alone. Kept in a temporary file, that journal cost
    // about eleven pwrite calls per stored message, half of a header sync's insert time; in memory it
    // costs a copy. Wren runs no VACUUM, whose copy would then be held in memory too.
    db.pragma('temp_store = MEMORY');
    // Every connection (the main thread's, the sync and search workers') sorts lists by subject and name alike.
    registerListOrder(db);
    registerNameSortKey(db);
    registerPersonNamePinyin(db);
    registerSearchNames(db);
    if (!options.readonly) migrate(db, version);
    return db;
  } catch (error) {
    db.close();
    throw error instanceof WrenError ? error : describeOpenFailure(file, error);
  }
}

function migrate(db: Db, from: number): void {
  for (const migration of MIGRATIONS.slice(from)) {
    // Off for a rebuild of a table others refer to (see Migration); SQLite takes this pragma only outside a transaction.
    if (migration.rebuildsReferencedTable) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.up);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      db.pragma('foreign_keys = ON');
    }
  }
}

function describeOpenFailure(file: string, error: unknown): WrenError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new WrenError('DataDirUnwritable', `Cannot open ${file} for writing: check that the folder exists and is writable.`, { file }, { cause: error });
  }
  return new WrenError('DatabaseUnreadable', `${file} is not a Wren database or is damaged (${(error as Error).message}). It was left untouched.`, { file }, { cause: error });
}

/** Logs statements slower than SLOW_QUERY_MS, so slow list or sync queries show up. */
export function timed<T>(label: string, run: () => T, log: (line: string) => void = console.warn): T {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  if (ms > SLOW_QUERY_MS) log(`[store] slow query ${label}: ${ms.toFixed(1)} ms`);
  return result;
}
