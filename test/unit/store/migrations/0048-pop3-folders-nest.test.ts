import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { pop3FoldersNest } from '../../../../src-main/store/migrations/0048-pop3-folders-nest';
import { openDatabase } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

describe('migration 0048 a POP3 account’s folders nest', () => {
  it('gives a POP3 account’s folders "/" so Trash can hold a deleted folder; IMAP folders, and a POP3 account with "/" in a name, stay as they were', () => {
    const file = databaseBefore(pop3FoldersNest, `
      ${ACCOUNT_SEED}
      INSERT INTO accounts (id, name, email, display_name, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
        VALUES (2, 'Home', 'h@test', 'H', 'pop3', 'h', 995, 'tls', 'h', 's', 0),
               (3, 'Old', 'o@test', 'O', 'pop3', 'h', 995, 'tls', 'o', 's', 0);
      INSERT INTO folders (id, account_id, path, name, delimiter, is_local, role) VALUES
        (10, 1, 'Flat', 'Flat', NULL, 0, NULL),
        (20, 2, 'INBOX', 'Inbox', NULL, 1, 'inbox'),
        (21, 2, 'Trash', 'Trash', NULL, 1, 'trash'),
        (22, 2, 'Receipts', 'Receipts', NULL, 1, NULL),
        (30, 3, 'Trash', 'Trash', NULL, 1, 'trash'),
        (31, 3, 'a/b', 'a/b', NULL, 1, NULL);
    `).file;
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT id, delimiter FROM folders WHERE id >= 10 ORDER BY id').all()).toEqual([
        { id: 10, delimiter: null },
        { id: 20, delimiter: '/' },
        { id: 21, delimiter: '/' },
        { id: 22, delimiter: '/' },
        { id: 30, delimiter: null },
        { id: 31, delimiter: null },
      ]);
    } finally {
      db.close();
    }
  });
});
