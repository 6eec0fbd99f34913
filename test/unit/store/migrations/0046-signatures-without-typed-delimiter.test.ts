import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { signaturesWithoutTypedDelimiter } from '../../../../src-main/store/migrations/0046-signatures-without-typed-delimiter';
import { openDatabase } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

describe('migration 0046 signatures without the "-- " line the user typed', () => {
  it('takes a typed delimiter line off the top of a signature ("-- ", "--", with a CR); other signatures stay as they were', () => {
    const file = databaseBefore(signaturesWithoutTypedDelimiter, `
      ${ACCOUNT_SEED}
      INSERT INTO identities (account_id, name, email, is_default, signature) VALUES
        (1, 'a', 'a1@test', 1, '-- ' || char(10) || 'Bob at Work' || char(10) || 'Acme'),
        (1, 'a', 'a2@test', 0, '--' || char(13) || char(10) || '王芳'),
        (1, 'a', 'a3@test', 0, '-- '),
        (1, 'a', 'a4@test', 0, 'Bob' || char(10) || '-- not a delimiter'),
        (1, 'a', 'a5@test', 0, '--- Bob ---'),
        (1, 'a', 'a6@test', 0, NULL);
    `).file;
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT email, signature FROM identities ORDER BY id').all()).toEqual([
        { email: 'a1@test', signature: 'Bob at Work\nAcme' },
        { email: 'a2@test', signature: '王芳' },
        { email: 'a3@test', signature: null },
        { email: 'a4@test', signature: 'Bob\n-- not a delimiter' },
        { email: 'a5@test', signature: '--- Bob ---' },
        { email: 'a6@test', signature: null },
      ]);
    } finally {
      db.close();
    }
  });
});
