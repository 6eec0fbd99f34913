import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { accountNameFromDefaultIdentity } from '../../../../src-main/store/migrations/0047-account-name-from-default-identity';
import { openDatabase } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

describe('migration 0047 the account\'s name from its default identity', () => {
  it('gives an account its default identity\'s name where they differ; one without identities keeps its own', () => {
    const file = databaseBefore(accountNameFromDefaultIdentity, `
      ${ACCOUNT_SEED}
      INSERT INTO accounts (id, name, email, display_name, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
        VALUES (2, 'Work', 'w@test', 'Bob Smith', 'imap', 'h', 993, 'tls', 'w', 's', 0),
               (3, 'Home', 'h@test', '王芳', 'imap', 'h', 993, 'tls', 'h', 's', 0),
               (4, 'Bare', 'b@test', 'Kept', 'imap', 'h', 993, 'tls', 'b', 's', 0);
      INSERT INTO identities (account_id, name, email, is_default) VALUES
        (2, 'Robert Builder', 'w@test', 1),   -- renamed in Settings: the account follows
        (2, 'Bob Smith', 'w2@test', 0),
        (3, '王芳', 'h@test', 1);              -- the same already
    `).file;
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT id, display_name FROM accounts WHERE id > 1 ORDER BY id').all()).toEqual([
        { id: 2, display_name: 'Robert Builder' },
        { id: 3, display_name: '王芳' },
        { id: 4, display_name: 'Kept' },
      ]);
    } finally {
      db.close();
    }
  });
});
