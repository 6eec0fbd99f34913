import { afterEach, describe, expect, it } from 'vitest';
import { databaseBefore, removeDatabasesBefore } from './database-before';
import { pop3UidlIdentity } from '../../../../src-main/store/migrations/0012-pop3-uidl-identity';
import { openDatabase } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

/** A POP3 account as the migration before this one left it: one record with its message, one deleted here. */
function populatedBefore(): string {
  return databaseBefore(pop3UidlIdentity, `
    INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00');
    INSERT INTO accounts (id, name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
      VALUES (1, 'p', 'p@test', 'pop3', 'h', 995, 'tls', 'p', 's', 0);
    INSERT INTO folders (id, account_id, path, name) VALUES (1, 1, 'INBOX', 'Inbox');
    INSERT INTO messages (id, folder_id, message_id, size, sort_date) VALUES (5, 1, '<kept@test>', 1234, 0);
    INSERT INTO pop3_uidls (account_id, uidl, message_row_id, downloaded_at) VALUES (1, 'u-kept', 5, 0), (1, 'u-deleted', NULL, 0);
  `).file;
}

describe('migration 0012 POP3 record identity', () => {
  it('copies the Message-ID and size of each stored message onto its record; a record whose message is gone has none to copy', () => {
    const db = openDatabase(populatedBefore());
    try {
      expect(db.prepare('SELECT uidl, message_row_id, message_id, size FROM pop3_uidls ORDER BY uidl').all()).toEqual([
        { uidl: 'u-deleted', message_row_id: null, message_id: null, size: null },
        { uidl: 'u-kept', message_row_id: 5, message_id: '<kept@test>', size: 1234 },
      ]);
      // Deleting the message now leaves its identity on the record.
      db.prepare('DELETE FROM messages WHERE id = 5').run();
      expect(db.prepare("SELECT message_row_id, message_id, size FROM pop3_uidls WHERE uidl = 'u-kept'").get()).toEqual({ message_row_id: null, message_id: '<kept@test>', size: 1234 });
    } finally {
      db.close();
    }
  });
});
