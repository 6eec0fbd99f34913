import { baseSubject } from '../compose/subject-prefix';
import type { FolderRole } from '../ipc/contract';
import { LIST_FILTER_KEYS, type ListFilter, type ListSort } from '../ipc/contract-constants';
import type { Db } from './open-database';

/** SQL's name for baseSubject on a connection that registered it (see registerListOrder). */
const BASE_SUBJECT = 'wren_base_subject';

/**
 * The subject order ignores "Re:", "Fwd:", "回复:" and the like, as Thunderbird's does: a reply sorts
 * beside the message it answers. SQL has no such function, so the connection gets baseSubject itself.
 */
export function registerListOrder(db: Db): void {
  db.function(BASE_SUBJECT, { deterministic: true }, (subject: unknown) => baseSubject(String(subject ?? '')));
}

/**
 * ORDER BY for a folder's messages (alias m). Ties, and every key's equal values, fall back to newest
 * first, so a page boundary never cuts the order differently from one request to the next. In Sent and
 * Drafts the list shows the recipient, so "from" sorts by the first recipient there.
 */
export function orderOf(sort: ListSort, role: FolderRole | null): string {
  const direction = sort.descending ? 'DESC' : 'ASC';
  const newestFirst = 'm.sort_date DESC, m.id DESC';
  switch (sort.by) {
    case 'date':
      return `m.sort_date ${direction}, m.id ${direction}`;
    case 'size':
      return `m.size ${direction}, ${newestFirst}`;
    case 'subject':
      return `${BASE_SUBJECT}(m.subject) COLLATE NOCASE ${direction}, ${newestFirst}`;
    case 'from':
      return `${correspondent(role)} COLLATE NOCASE ${direction}, ${newestFirst}`;
  }
}

function correspondent(role: FolderRole | null): string {
  if (role === 'sent' || role === 'drafts') {
    return "coalesce(nullif(json_extract(m.to_json, '$[0].name'), ''), json_extract(m.to_json, '$[0].address'), '')";
  }
  return "CASE WHEN m.from_name <> '' THEN m.from_name ELSE m.from_addr END";
}

const FILTER_CONDITIONS: Record<(typeof LIST_FILTER_KEYS)[number], string> = { unread: 'm.seen = 0', flagged: 'm.flagged = 1', attachments: 'm.has_attachments = 1' };

/**
 * The quick filter as a condition on m to AND with the folder's (none set: ''), and its values: the ids it
 * keeps match whatever their flags now.
 */
export function filterOf(filter: ListFilter): { sql: string; values: string[] } {
  const conditions = LIST_FILTER_KEYS.filter((key) => filter[key] === true).map((key) => FILTER_CONDITIONS[key]);
  if (conditions.length === 0) return { sql: '', values: [] };
  // One JSON value, so the statement's text (and its cached preparation) stays the same whatever is kept.
  return { sql: ` AND ((${conditions.join(' AND ')}) OR m.id IN (SELECT value FROM json_each(?)))`, values: [JSON.stringify(filter.keep ?? [])] };
}
