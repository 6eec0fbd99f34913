import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { outboxComposedApart } from '../../../../src-main/store/migrations/0026-outbox-composed-apart';
import { openDatabase } from '../../../../src-main/store/open-database';
import { OutboxRepo } from '../../../../src-main/store/outbox-repo';

afterEach(() => removeDatabasesBefore());

const COMPOSED = JSON.stringify({ to: [{ name: '', address: 'b@test' }], subject: 'Hi', text: 'x'.repeat(20_000), html: null, attachments: [] });

describe('migration 0026 outbox composed apart', () => {
  it('moves each kept composed message into outbox_composed: rows stay editable (or not) and keep their states', () => {
    const file = databaseBefore(outboxComposedApart, `${ACCOUNT_SEED}
      INSERT INTO outbox (id, account_id, state, created_at, message_id, blob, size, subject, envelope_json, composed_json, claim_token, began_at)
        VALUES (1, 1, 'queued', 0, '<1@test>', 'b1', 10, 'Hi', '{"from":"a@test","to":["b@test"]}', '${COMPOSED}', NULL, NULL),
               (2, 1, 'sending', 0, '<2@test>', 'b2', 10, '', '{"from":"a@test","to":["b@test"]}', NULL, 't', 5);
    `).file;
    const db = openDatabase(file);
    try {
      const columns = (db.prepare('PRAGMA table_info(outbox)').all() as Array<{ name: string }>).map((c) => c.name);
      expect(columns).not.toContain('composed_json');
      expect(db.prepare('SELECT outbox_id, composed_json FROM outbox_composed').all()).toEqual([{ outbox_id: 1, composed_json: COMPOSED }]);
      const repo = new OutboxRepo(db);
      expect(repo.composedJsonOf(1)).toBe(COMPOSED);
      expect(repo.composedJsonOf(2)).toBeNull();
      expect([repo.get(1)?.editable, repo.get(2)?.editable]).toEqual([true, false]);
      expect(db.prepare('SELECT state, claim_token, began_at FROM outbox WHERE id = 2').get()).toEqual({ state: 'sending', claim_token: 't', began_at: 5 });
      // Its composed message goes with a row.
      repo.remove(1);
      expect(db.prepare('SELECT count(*) AS n FROM outbox_composed').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
