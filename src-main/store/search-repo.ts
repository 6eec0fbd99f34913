import type { FolderRole } from '../ipc/account-shapes';
import type { SearchHit } from '../ipc/mail-shapes';
import { timed, type Db } from './open-database';
import { PreparedStatements } from './prepared-statements';
import { orderOf } from './list-order';
import { DEFAULT_LIST_SORT, type ListSort } from '../ipc/contract-constants';
import { NOT_SHOWN_AGAIN } from './shown-again';
import { searchConditionsSql } from './search-conditions';
import type { SearchAsk } from '../search/search-query';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row';

/** A message waiting to be (re)indexed, with everything the index is built from. */
export interface PendingEntry {
  id: number;
  token: number;
  subject: string;
  fromName: string;
  fromAddr: string;
  toJson: string;
  ccJson: string;
  text: string | null;
  html: string | null;
  sourceBlob: string | null;
  /** The MIME tree (IMAP BODYSTRUCTURE, or a parsed source's), for its attachments' file names. */
  structureJson: string | null;
}

/** What the index holds for one message, already prepared (CJK as bigrams). */
export interface SearchDocument {
  id: number;
  token: number;
  subject: string;
  sender: string;
  recipients: string;
  body: string;
}

/**
 * Which end of the queue an indexer takes. The sync worker's and the main
 * process's indexers work on one queue: from opposite ends they meet in the
 * middle instead of parsing the same batch twice (the slower one's writes
 * were thrown away, and it stopped as if the messages were changing).
 */
export type IndexOrder = 'newest-first' | 'oldest-first';

/** Which messages a search looks at: undefined is everywhere, null the local folders, else one account. */
export interface SearchScope {
  accountId?: number | null;
  folderId?: number;
}

/** A message whose text is not stored, where its server keeps it (see SearchRepo.textlessOnServer). */
export interface TextlessOnServer {
  id: number;
  uid: number;
  size: number;
  folderId: number;
  accountId: number;
  folderPath: string;
  uidValidity: number | null;
}

/** A list row with where it lives (a search hit, a message of a conversation): the SQL's columns, then the shape. */
export type HitRow = SummaryRow & { accountId: number | null; folderPath: string; folderName: string; folderRole: FolderRole | null };

export function toSearchHit(row: HitRow): SearchHit {
  return { ...toSummary(row), accountId: row.accountId, folderPath: row.folderPath, folderName: row.folderName, folderRole: row.folderRole };
}

/** The full-text index (migration 0013): its queue of messages to index, its entries, and searches. */
export class SearchRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  pendingCount(): number {
    return this.statements.pluck('SELECT count(*) FROM search_pending').get() as number;
  }

  /** The next messages to index, from the queue's newest or oldest end (see IndexOrder). */
  pendingBatch(limit: number, order: IndexOrder = 'newest-first'): PendingEntry[] {
    return this.statements
      .get(
        `SELECT p.message_id AS id, p.token, m.subject, m.from_name AS fromName, m.from_addr AS fromAddr, m.to_json AS toJson,
           m.cc_json AS ccJson, m.structure_json AS structureJson, b.text, b.html, s.blob AS sourceBlob
         FROM search_pending p JOIN messages m ON m.id = p.message_id
         LEFT JOIN message_bodies b ON b.message_id = m.id LEFT JOIN message_sources s ON s.message_id = m.id
         ORDER BY p.message_id ${order === 'newest-first' ? 'DESC' : 'ASC'} LIMIT ?`,
      )
      .all(limit) as PendingEntry[];
  }

  /**
   * Replaces each message's entry and clears its request, unless the message
   * changed again since it was read (a new token): then it stays queued. A
   * message deleted meanwhile gets no entry. Returns how many requests were cleared.
   */
  record(documents: SearchDocument[]): number {
    const forget = this.statements.get('DELETE FROM message_search WHERE rowid = ?');
    const insert = this.statements.get(
      `INSERT INTO message_search (rowid, subject, sender, recipients, body)
       SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM messages WHERE id = ?)`,
    );
    const done = this.statements.get('DELETE FROM search_pending WHERE message_id = ? AND token = ?');
    let cleared = 0;
    for (const doc of documents) {
      forget.run(doc.id);
      insert.run(doc.id, doc.subject, doc.sender, doc.recipients, doc.body, doc.id);
      cleared += done.run(doc.id, doc.token).changes;
    }
    return cleared;
  }

  /**
   * How many messages in the scope have no stored text (headers only: never opened, not kept for offline
   * reading), whose words in the text a search cannot find. A scan of the scope's rows, in the search worker.
   */
  textlessCount(scope: SearchScope): number {
    const { sql, values } = scopeSql(scope);
    return this.statements.pluck(`SELECT count(*) FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.body_state = 'none' AND ${sql.join(' AND ')}`).get(...values) as number;
  }

  /**
   * The scope's messages without stored text that a server holds (IMAP folders: their UIDs), newest first, with
   * their folder's UIDVALIDITY so that UIDs of an older numbering are never sent: what Search on server asks about.
   */
  textlessOnServer(scope: SearchScope): TextlessOnServer[] {
    const { sql, values } = scopeSql(scope);
    return this.statements
      .get(
        `SELECT m.id, m.uid, m.size, m.folder_id AS folderId, f.account_id AS accountId, f.path AS folderPath, f.uidvalidity AS uidValidity
         FROM messages m JOIN folders f ON f.id = m.folder_id
         WHERE m.body_state = 'none' AND m.uid IS NOT NULL AND f.account_id IS NOT NULL AND f.is_local = 0 AND ${sql.join(' AND ')}
         ORDER BY m.sort_date DESC`,
      )
      .all(...values) as TextlessOnServer[];
  }

  /**
   * Newest first unless sorted otherwise (as a folder's list). `match` and `exclude` are FTS5 expressions built
   * by searchAskOf (never the user's raw text). Without `match` the messages themselves are read; `exclude` leaves
   * out what the index holds (a message not indexed yet is not left out by its words).
   */
  search(ask: SearchAsk, scope: SearchScope, offset: number, limit: number, sort: ListSort = DEFAULT_LIST_SORT): { total: number; items: SearchHit[] } {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (ask.match !== null) {
      conditions.push('message_search MATCH ?');
      params.push(ask.match);
    }
    if (ask.exclude !== null) {
      conditions.push('m.id NOT IN (SELECT rowid FROM message_search WHERE message_search MATCH ?)');
      params.push(ask.exclude);
    }
    const asked = searchConditionsSql(ask.conditions);
    conditions.push(...asked.sql);
    params.push(...asked.values);
    const inScope = scopeSql(scope);
    conditions.push(...inScope.sql);
    params.push(...inScope.values);
    const source = ask.match === null ? 'messages m' : 'message_search JOIN messages m ON m.id = message_search.rowid';
    const from = `FROM ${source} JOIN folders f ON f.id = m.folder_id
      WHERE ${conditions.join(' AND ')}`;
    return timed('messages.search', () => {
      const total = this.statements.pluck(`SELECT count(*) ${from}`).get(...params) as number;
      const rows = this.statements
        .get(
          `SELECT ${SUMMARY_COLUMNS}, f.account_id AS accountId, f.path AS folderPath, f.name AS folderName, f.role AS folderRole ${from}
           ORDER BY ${orderOf(sort, null)} LIMIT ? OFFSET ?`,
        )
        .all(...params, limit, offset) as HitRow[];
      return {
        total,
        items: rows.map(toSearchHit),
      };
    });
  }
}

/** The conditions of a search's scope: an account (null: the local folders), a folder, else what lists show. */
function scopeSql(scope: SearchScope): { sql: string[]; values: unknown[] } {
  const sql: string[] = [];
  const values: unknown[] = [];
  if (scope.accountId !== undefined) {
    sql.push('f.account_id IS ?');
    values.push(scope.accountId);
  }
  if (scope.folderId !== undefined) {
    sql.push('m.folder_id = ?');
    values.push(scope.folderId);
  } else {
    sql.push(NOT_SHOWN_AGAIN);
  }
  return { sql, values };
}
