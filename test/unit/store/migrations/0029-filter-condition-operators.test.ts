import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_SEED, databaseBefore, removeDatabasesBefore } from './database-before';
import { filterConditionOperators } from '../../../../src-main/store/migrations/0029-filter-condition-operators';
import { openDatabase } from '../../../../src-main/store/open-database';
import { FiltersRepo } from '../../../../src-main/store/filters-repo';

afterEach(() => removeDatabasesBefore());

describe('migration 0029 filter condition operators', () => {
  it('turns each saved "contains" condition into the operator form, meaning the same, other columns untouched', () => {
    const file = databaseBefore(filterConditionOperators, `${ACCOUNT_SEED}
      INSERT INTO message_filters (id, account_id, position, name, enabled, match, conditions_json, actions_json) VALUES
        (1, 1, 1, 'Lists', 1, 'any', '[{"field":"from","contains":"lists.example.org"},{"field":"subject","contains":"【通知】"}]', '{"moveTo":null,"markRead":true,"flag":false,"tag":null,"delete":false}'),
        (2, 1, 2, 'Off', 0, 'all', '[{"field":"recipients","contains":"team@"}]', '{"moveTo":null,"markRead":false,"flag":true,"tag":null,"delete":false}');
    `).file;
    const db = openDatabase(file);
    try {
      const filters = new FiltersRepo(db).list(1);
      expect(filters.map((f) => [f.name, f.enabled, f.match, f.conditions])).toEqual([
        ['Lists', true, 'any', [{ field: 'from', operator: 'contains', text: 'lists.example.org' }, { field: 'subject', operator: 'contains', text: '【通知】' }]],
        ['Off', false, 'all', [{ field: 'recipients', operator: 'contains', text: 'team@' }]],
      ]);
      expect(filters[1]!.actions.flag).toBe(true);
    } finally {
      db.close();
    }
  });
});
