import { afterEach, describe, expect, it } from 'vitest';
import { databaseBefore, removeDatabasesBefore } from './database-before';
import { accountIdsNeverReused } from '../../../../src-main/store/migrations/0023-account-ids-never-reused';
import { openDatabase, type Db } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

/** Two accounts as the migration before this one left them, with rows of other tables that name them. */
function populatedBefore(): string {
  return databaseBefore(accountIdsNeverReused, `
    INSERT INTO secrets (id, scheme, sealed) VALUES ('s1', 'test', x'00'), ('s2', 'test', x'00');
    INSERT INTO accounts (id, name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id,
        created_at, pop3_leave, pop3_delete_after_days, sort_order, colour, auth, oauth2_provider)
      VALUES (1, 'Work', 'a@test', 'imap', 'h', 993, 'tls', 'a', 's1', 5, 'keep', NULL, 2, '#2f6fdf', 'oauth2', '{"tokenUrl":"t"}'),
             (3, 'Home', 'b@test', 'pop3', 'p', 995, 'tls', 'b', 's2', 6, 'deleteAfterDays', 14, 1, NULL, 'password', NULL);
    INSERT INTO folders (id, account_id, path, name) VALUES (10, 1, 'INBOX', 'INBOX'), (30, 3, 'INBOX', 'INBOX');
    INSERT INTO identities (id, account_id, name, email) VALUES (7, 3, 'B', 'b@test');
  `).file;
}

const count = (db: Db, sql: string) => db.prepare(sql).pluck().get();

describe('migration 0023 account ids never reused', () => {
  it('keeps every account with its id, settings and rows, and gives a new account an id no account had', () => {
    const db = openDatabase(populatedBefore());
    try {
      expect(db.prepare('SELECT id, name, protocol, password_secret_id, created_at, pop3_leave, pop3_delete_after_days, sort_order, colour, auth, oauth2_provider FROM accounts ORDER BY id').all()).toEqual([
        { id: 1, name: 'Work', protocol: 'imap', password_secret_id: 's1', created_at: 5, pop3_leave: 'keep', pop3_delete_after_days: null, sort_order: 2, colour: '#2f6fdf', auth: 'oauth2', oauth2_provider: '{"tokenUrl":"t"}' },
        { id: 3, name: 'Home', protocol: 'pop3', password_secret_id: 's2', created_at: 6, pop3_leave: 'deleteAfterDays', pop3_delete_after_days: 14, sort_order: 1, colour: null, auth: 'password', oauth2_provider: null },
      ]);
      // Nothing cascaded when the old table went.
      expect([count(db, 'SELECT count(*) FROM folders'), count(db, 'SELECT count(*) FROM identities')]).toEqual([2, 1]);
      expect(db.pragma('foreign_key_check')).toEqual([]);

      // The newest account leaves, taking its rows; the next one gets a new id.
      db.prepare('DELETE FROM accounts WHERE id = 3').run();
      expect([count(db, 'SELECT count(*) FROM folders'), count(db, 'SELECT count(*) FROM identities')]).toEqual([1, 0]);
      const next = db.prepare(`INSERT INTO accounts (name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
        VALUES ('New', 'c@test', 'imap', 'h', 993, 'tls', 'c', 's2', 7) RETURNING id`).pluck().get();
      expect(next).toBe(4);
    } finally {
      db.close();
    }
  });
});
