import { folderRoleNamed, namesLocalFolders, type SearchConditions } from '../search/search-operators';
import { SEARCH_NAME } from './search-name';

/** A condition on m (a message row) in f (its folder) with its values: the SQL text is fixed, values are bound. */
type ConditionSql = (value: never) => { sql: string; values?: (number | string)[] };

/** Each condition on m, by the operator's field. */
const CONDITION_SQL: { [K in keyof Required<SearchConditions>]: (value: Required<SearchConditions>[K]) => { sql: string; values?: (number | string)[] } } = {
  unread: (unread) => ({ sql: unread ? 'm.seen = 0' : 'm.seen = 1' }),
  flagged: (flagged) => ({ sql: flagged ? 'm.flagged = 1' : 'm.flagged = 0' }),
  answered: (answered) => ({ sql: answered ? 'm.answered = 1' : 'm.answered = 0' }),
  attachments: (attachments) => ({ sql: attachments ? 'm.has_attachments = 1' : 'm.has_attachments = 0' }),
  // sort_date is the Date header's instant, else the server's arrival time: the date the list shows.
  after: (after) => ({ sql: 'm.sort_date >= ?', values: [after] }),
  before: (before) => ({ sql: 'm.sort_date < ?', values: [before] }),
  larger: (larger) => ({ sql: 'm.size > ?', values: [larger] }),
  smaller: (smaller) => ({ sql: 'm.size < ?', values: [smaller] }),
  // Keywords are space-separated and keep their case; each tag asked for must be among them (one statement per count of tags).
  tags: (tags) => ({ sql: tags.map(() => TAGGED).join(' AND '), values: tags }),
  withoutTags: (tags) => ({ sql: tags.map(() => `NOT ${TAGGED}`).join(' AND '), values: tags }),
  folders: (names) => inFolders(names),
  notFolders: (names) => {
    const any = inFolders(names);
    return { sql: `NOT ${any.sql}`, values: any.values };
  },
  either: (groups) => anyOf(groups),
  accounts: (names) => inAccounts(names),
  notAccounts: (names) => {
    const any = inAccounts(names);
    return { sql: `NOT ${any.sql}`, values: any.values };
  },
};

const TAGGED = "(' ' || m.keywords || ' ') GLOB ('* ' || ? || ' *')";

// Folder and account names compare in SEARCH_NAME's form, as the query's words are read: in subqueries
// over the few folders and accounts, run once per search, not per message.

/** f is any of the folders named: by role ("inbox", "已发送"), else by path or its own name. */
function inFolders(names: string[]): { sql: string; values: string[] } {
  const values = names.flatMap((name) => [folderRoleNamed(name) ?? '', name, name]);
  const named = names.map(() => `(role IS ? OR ${SEARCH_NAME}(path) = ? OR ${SEARCH_NAME}(name) = ?)`).join(' OR ');
  return { sql: `(f.id IN (SELECT id FROM folders WHERE ${named}))`, values };
}

/**
 * f belongs to any of the accounts named, by address or name, or is one of the Local Folders. Never NULL (a
 * local folder has no account_id), so NOT of it leaves out just those.
 */
function inAccounts(names: string[]): { sql: string; values: string[] } {
  const named = names.filter((name) => !namesLocalFolders(name));
  const parts: string[] = [];
  if (named.length > 0) {
    const list = named.map(() => '?').join(', ');
    parts.push(`(f.account_id IS NOT NULL AND f.account_id IN (SELECT id FROM accounts WHERE ${SEARCH_NAME}(email) IN (${list}) OR ${SEARCH_NAME}(name) IN (${list})))`);
  }
  if (named.length < names.length) parts.push('f.account_id IS NULL');
  return { sql: `(${parts.join(' OR ')})`, values: [...named, ...named] };
}

/** Each group matched by any of its alternatives, each alternative by all of its own conditions. */
function anyOf(groups: SearchConditions[][]): { sql: string; values: (number | string)[] } {
  const values: (number | string)[] = [];
  const sql = groups.map((group) => {
    const alternatives = group.map((alternative) => {
      const own = searchConditionsSql(alternative);
      values.push(...own.values);
      return own.sql.length > 0 ? `(${own.sql.join(' AND ')})` : '1';
    });
    return `(${alternatives.join(' OR ')})`;
  });
  return { sql: sql.join(' AND '), values };
}

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
