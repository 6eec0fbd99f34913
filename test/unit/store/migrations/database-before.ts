import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '../../../../src-main/store/migrations';
import type { Migration } from '../../../../src-main/store/migrations/migration';

const made: string[] = [];

/** A secret and the IMAP account 1 (a@test) it seals, the rows most seeds start from. */
export const ACCOUNT_SEED = `
  INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00');
  INSERT INTO accounts (id, name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
    VALUES (1, 'a', 'a@test', 'imap', 'h', 993, 'tls', 'a', 's', 0);
`;

/**
 * A data folder whose database the migrations before `migration` left (its
 * user_version says so), with `seed` written in: what an older Wren hands the
 * migration under test. Removed by removeDatabasesBefore.
 */
export function databaseBefore(migration: Migration, seed: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wren-migration-'));
  made.push(dir);
  const file = join(dir, 'wren.sqlite');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration));
  for (const step of before) db.exec(step.up);
  db.pragma(`user_version = ${before.length}`);
  db.exec(seed);
  db.close();
  return { dir, file };
}

export function removeDatabasesBefore(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
