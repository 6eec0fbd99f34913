import type { FilterActions, FilterCondition, MessageFilter } from '../ipc/filter-shapes';
import type { MessagePriority } from '../mime/message-priority';
import type { Address } from '../ipc/mail-shapes';
import { addressList } from './address-book-learning';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

interface FilterRow {
  id: number; accountId: number; position: number; name: string; enabled: number; match: 'all' | 'any'; conditions_json: string; actions_json: string;
  on_new_mail: number; after_sending: number; periodically: number;
}

const COLUMNS = 'id, account_id AS accountId, position, name, enabled, match, conditions_json, actions_json, on_new_mail, after_sending, periodically';

interface MessageToFilterRow {
  id: number; folderId: number; accountId: number | null; message_id: string | null; from_name: string; from_addr: string; to_json: string; cc_json: string; subject: string; size: number;
  date: number; seen: number; flagged: number; answered: number; has_attachments: number; priority: number; keywords: string;
}

/** What filters look at in a message, and where it is. */
export interface FilteredRow {
  id: number;
  folderId: number;
  accountId: number | null;
  /** Its Message-ID header, if it has one. */
  messageId: string | null;
  from: Address;
  to: Address[];
  cc: Address[];
  subject: string;
  size: number;
  date: number;
  seen: boolean;
  flagged: boolean;
  answered: boolean;
  hasAttachments: boolean;
  priority: MessagePriority;
  /** Its keywords (tags among them). */
  keywords: string[];
}

/** An account's message filters, in the order they run. */
export class FiltersRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  list(accountId: number): MessageFilter[] {
    return (this.statements.get(`SELECT ${COLUMNS} FROM message_filters WHERE account_id = ? ORDER BY position, id`).all(accountId) as FilterRow[]).map(toFilter);
  }

  get(filterId: number): MessageFilter | undefined {
    const row = this.statements.get(`SELECT ${COLUMNS} FROM message_filters WHERE id = ?`).get(filterId) as FilterRow | undefined;
    return row && toFilter(row);
  }

  /** A new filter runs last; a saved one keeps its place. */
  insert(filter: Omit<MessageFilter, 'id' | 'position'>): number {
    const position = (this.statements.pluck('SELECT coalesce(max(position), 0) + 1 FROM message_filters WHERE account_id = ?').get(filter.accountId) as number);
    const result = this.statements
      .get('INSERT INTO message_filters (account_id, position, name, enabled, match, conditions_json, actions_json, on_new_mail, after_sending, periodically) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(filter.accountId, position, filter.name, filter.enabled ? 1 : 0, filter.match, JSON.stringify(filter.conditions), JSON.stringify(filter.actions), ...runOnColumns(filter));
    return Number(result.lastInsertRowid);
  }

  update(filter: Omit<MessageFilter, 'position'>): void {
    this.statements
      .get('UPDATE message_filters SET name = ?, enabled = ?, match = ?, conditions_json = ?, actions_json = ?, on_new_mail = ?, after_sending = ?, periodically = ? WHERE id = ? AND account_id = ?')
      .run(filter.name, filter.enabled ? 1 : 0, filter.match, JSON.stringify(filter.conditions), JSON.stringify(filter.actions), ...runOnColumns(filter), filter.id, filter.accountId);
  }

  /** The enabled filters (of any account: the local folders are every account's) that move or copy mail into one of the folders. */
  intoFolders(folderIds: readonly number[]): MessageFilter[] {
    const rows = this.statements
      .get(
        `SELECT ${COLUMNS} FROM message_filters WHERE enabled = 1
           AND (json_extract(actions_json, '$.moveTo') IN (SELECT value FROM json_each(?)) OR json_extract(actions_json, '$.copyTo') IN (SELECT value FROM json_each(?)))
         ORDER BY account_id, position, id`,
      )
      .all(JSON.stringify(folderIds), JSON.stringify(folderIds)) as FilterRow[];
    return rows.map(toFilter);
  }

  /** Turns the filters off (or on), keeping everything else they say. */
  setEnabled(filterIds: readonly number[], enabled: boolean): void {
    this.statements.get('UPDATE message_filters SET enabled = ? WHERE id IN (SELECT value FROM json_each(?))').run(enabled ? 1 : 0, JSON.stringify(filterIds));
  }

  /** The fields filters look at, of the messages given (those still there), in one statement. */
  messagesToFilter(ids: readonly number[]): FilteredRow[] {
    const rows = this.statements
      .get(
        `SELECT m.id, m.folder_id AS folderId, f.account_id AS accountId, m.message_id, m.from_name, m.from_addr, m.to_json, m.cc_json, m.subject, m.size,
           m.sort_date AS date, m.seen, m.flagged, m.answered, m.has_attachments, m.priority, m.keywords
         FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as MessageToFilterRow[];
    return rows.map((row) => ({
      id: row.id, folderId: row.folderId, accountId: row.accountId, messageId: row.message_id, from: { name: row.from_name, address: row.from_addr },
      to: addressList(row.to_json), cc: addressList(row.cc_json), subject: row.subject, size: row.size,
      date: row.date, seen: row.seen === 1, flagged: row.flagged === 1, answered: row.answered === 1, hasAttachments: row.has_attachments === 1,
      priority: row.priority === 1 ? 'high' : row.priority === -1 ? 'low' : 'normal', keywords: row.keywords ? row.keywords.split(' ') : [],
    }));
  }

  /** The account's Sent copies (in a Sent folder of its own, on the server or local) of the Message-IDs given, by Message-ID. */
  sentCopies(accountId: number, messageIds: readonly string[]): Map<string, number> {
    const rows = this.statements
      .get(
        `SELECT m.message_id AS messageId, min(m.id) AS id FROM messages m JOIN folders f ON f.id = m.folder_id
         WHERE f.account_id = ? AND f.role = 'sent' AND m.message_id IS NOT NULL AND m.message_id IN (SELECT value FROM json_each(?))
         GROUP BY m.message_id`,
      )
      .all(accountId, JSON.stringify(messageIds)) as { messageId: string; id: number }[];
    return new Map(rows.map((row) => [row.messageId, row.id]));
  }

  /** Gives the account's filters the order of `ids` (the account's other filters, if any, keep theirs after them). */
  reorder(accountId: number, ids: readonly number[]): void {
    const order = [...ids, ...this.list(accountId).map((filter) => filter.id).filter((id) => !ids.includes(id))];
    const place = this.statements.get('UPDATE message_filters SET position = ? WHERE id = ? AND account_id = ?');
    order.forEach((id, index) => place.run(index + 1, id, accountId));
  }

  remove(filterId: number): boolean {
    return this.statements.get('DELETE FROM message_filters WHERE id = ?').run(filterId).changes > 0;
  }
}

function toFilter(row: FilterRow): MessageFilter {
  return {
    id: row.id, accountId: row.accountId, position: row.position, name: row.name, enabled: row.enabled === 1, match: row.match,
    // Filters saved before copies and redirects existed have no copyTo, no redirectTo.
    conditions: JSON.parse(row.conditions_json) as FilterCondition[],
    actions: { copyTo: null, redirectTo: null, ...(JSON.parse(row.actions_json) as Partial<FilterActions>) } as FilterActions,
    runOn: { newMail: row.on_new_mail === 1, afterSending: row.after_sending === 1, periodically: row.periodically === 1 },
  };
}

function runOnColumns(filter: Pick<MessageFilter, 'runOn'>): [number, number, number] {
  const { newMail, afterSending, periodically } = filter.runOn;
  return [newMail ? 1 : 0, afterSending ? 1 : 0, periodically ? 1 : 0];
}
