import type { Migration } from './migration';

/**
 * Filter conditions gain Thunderbird's operators (contains, doesn't contain, is, isn't, begins with, ends with):
 * a condition saved as `{field, contains}` becomes `{field, operator: 'contains', text}`, what it meant.
 */
export const filterConditionOperators: Migration = {
  // Its place in MIGRATIONS.
  version: 29,
  name: 'filter-condition-operators',
  up: `
UPDATE message_filters SET conditions_json = (
  SELECT json_group_array(json_object('field', c.value ->> 'field', 'operator', 'contains', 'text', c.value ->> 'contains'))
  FROM json_each(message_filters.conditions_json) AS c
);
`,
};
