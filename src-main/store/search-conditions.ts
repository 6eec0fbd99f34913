import type { SearchConditions } from '../search/search-operators';

/** A condition on m (a message row) with its values: the SQL text is fixed, values are bound. */
type ConditionSql = (value: never) => { sql: string; values?: (number | string)[] };

/** Each condition on m, by the operator's field. */
const CONDITION_SQL: { [K in keyof Required<SearchConditions>]: (value: Required<SearchConditions>[K]) => { sql: string; values?: (number | string)[] } } = {
  unread: (unread) => ({ sql: unread ? 'm.seen = 0' : 'm.seen = 1' }),
  flagged: (flagged) => ({ sql: flagged ? 'm.flagged = 1' : 'm.flagged = 0' }),
  answered: () => ({ sql: 'm.answered = 1' }),
  attachments: () => ({ sql: 'm.has_attachments = 1' }),
  // sort_date is the Date header's instant, else the server's arrival time: the date the list shows.
  after: (after) => ({ sql: 'm.sort_date >= ?', values: [after] }),
  before: (before) => ({ sql: 'm.sort_date < ?', values: [before] }),
  larger: (larger) => ({ sql: 'm.size > ?', values: [larger] }),
  smaller: (smaller) => ({ sql: 'm.size < ?', values: [smaller] }),
  // Keywords are space-separated and keep their case; each tag asked for must be among them (one statement per count of tags).
  tags: (tags) => ({ sql: tags.map(() => "(' ' || m.keywords || ' ') GLOB ('* ' || ? || ' *')").join(' AND '), values: tags }),
};

/** A search's operators as conditions to AND on m, and their values in order. */
export function searchConditionsSql(conditions: SearchConditions): { sql: string[]; values: (number | string)[] } {
  const sql: string[] = [];
  const values: (number | string)[] = [];
  for (const key of Object.keys(CONDITION_SQL) as (keyof SearchConditions)[]) {
    const value = conditions[key];
    if (value === undefined) continue;
    const condition = (CONDITION_SQL[key] as ConditionSql)(value as never);
    sql.push(condition.sql);
    values.push(...(condition.values ?? []));
  }
  return { sql, values };
}
