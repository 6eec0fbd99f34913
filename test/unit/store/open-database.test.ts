import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/open-database';
import { LATEST_SCHEMA_VERSION } from '../../../src-main/store/migrations';
import { WrenError } from '../../../src-main/errors/wren-error';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wren-db-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => { chmodSync(d, 0o700); rmSync(d, { recursive: true, force: true }); }));

function codeOf(run: () => unknown): string | undefined {
  try { run(); } catch (error) { return (error as WrenError).code; }
  return undefined;
}

describe('openDatabase', () => {
  it('creates the schema at the latest version, in WAL mode with foreign keys and statement journals in memory', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    db.close();
  });

  it('refuses a database from a newer Wren and leaves it byte for byte as it was', () => {
    const file = join(tempDir(), 'w.sqlite');
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x); INSERT INTO future VALUES (42)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = readFileSync(file);
    expect(codeOf(() => openDatabase(file))).toBe('DatabaseTooNew');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says a non-database file is unreadable and does not touch it', () => {
    const file = join(tempDir(), 'w.sqlite');
    writeFileSync(file, 'this is not sqlite, just text that a user put here by mistake '.repeat(40));
    const before = readFileSync(file);
    expect(codeOf(() => openDatabase(file))).toBe('DatabaseUnreadable');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a folder it cannot write to', () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; a path under a regular file fails the same way for everyone.
      const dir = tempDir();
      writeFileSync(join(dir, 'file'), '');
      expect(codeOf(() => openDatabase(join(dir, 'file', 'w.sqlite')))).toBe('DataDirUnwritable');
      return;
    }
    const dir = join(tempDir(), 'ro');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    expect(codeOf(() => openDatabase(join(dir, 'w.sqlite')))).toBe('DataDirUnwritable');
  });

  it('reopens an existing database without migrating again or losing rows', () => {
    const file = join(tempDir(), 'w.sqlite');
    const first = openDatabase(file);
    first.prepare("INSERT INTO folders (path, name) VALUES ('Local', 'Local')").run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare('SELECT count(*) FROM folders').pluck().get()).toBe(1);
    second.close();
  });
});
