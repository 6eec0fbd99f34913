import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { identitiesWithoutAccountLabel } from '../../../../src-main/store/migrations/0045-identities-without-account-label';
import { openDatabase } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

describe('migration 0045 identities without the account\'s label', () => {
  it('takes the account\'s name off a default identity the user gave no name; a name the user gave stays', () => {
    const file = databaseBefore(identitiesWithoutAccountLabel, `
      ${ACCOUNT_SEED}
      INSERT INTO accounts (id, name, email, display_name, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
        VALUES (2, 'Work', 'w@test', 'Wang Fang', 'imap', 'h', 993, 'tls', 'w', 's', 0),
               (3, '家里', 'h@test', '', 'imap', 'h', 993, 'tls', 'h', 's', 0);
      INSERT INTO identities (account_id, name, email, is_default) VALUES
        (1, 'a', 'a@test', 1),           -- named after the account, no name given: cleared
        (1, 'a', 'a2@test', 0),          -- another identity the user made: kept
        (2, 'Wang Fang', 'w@test', 1),   -- the user's name: kept
        (3, '王芳', 'h@test', 1);         -- renamed by the user in Settings: kept
    `).file;
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT account_id, email, name FROM identities ORDER BY id').all()).toEqual([
        { account_id: 1, email: 'a@test', name: '' },
        { account_id: 1, email: 'a2@test', name: 'a' },
        { account_id: 2, email: 'w@test', name: 'Wang Fang' },
        { account_id: 3, email: 'h@test', name: '王芳' },
      ]);
    } finally {
      db.close();
    }
  });
});
