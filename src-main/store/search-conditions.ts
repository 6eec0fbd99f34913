import type { SearchConditions } from '../search/search-operators';

/** Each condition on m (a message row) with its value: SQL text is fixed, values are bound. */
const CONDITION_SQL: { [K in keyof Required<SearchConditions>]: (value: Required<SearchConditions>[K]) => { sql: string; value?: number } } = {
  unread: (unread) => ({ sql: unread ? 'm.seen = 0' : 'm.seen = 1' }),
  flagged: (flagged) => ({ sql: flagged ? 'm.flagged = 1' : 'm.flagged = 0' }),
  answered: () => ({ sql: 'm.answered = 1' }),
  attachments: () => ({ sql: 'm.has_attachments = 1' }),
  // sort_date is the Date header's instant, else the server's arrival time: the date the list shows.
  after: (after) => ({ sql: 'm.sort_date >= ?', value: after }),
  before: (before) => ({ sql: 'm.sort_date < ?', value: before }),
  larger: (larger) => ({ sql: 'm.size > ?', value: larger }),
  smaller: (smaller) => ({ sql: 'm.size < ?', value: smaller }),
};

/** A search's operators as conditions to AND on m, and their values in order. */
export function searchConditionsSql(conditions: SearchConditions): { sql: string[]; values: number[] } {
  const sql: string[] = [];
  const values: number[] = [];
  for (const key of Object.keys(CONDITION_SQL) as (keyof SearchConditions)[]) {
    const value = conditions[key];
    if (value === undefined) continue;
    const condition = (CONDITION_SQL[key] as (value: unknown) => { sql: string; value?: number })(value);
    sql.push(condition.sql);
    if (condition.value !== undefined) values.push(condition.value);
  }
  return { sql, values };
}
