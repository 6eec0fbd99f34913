import type { FolderRole, MessageSummary } from '../ipc/contract';
import { DEFAULT_LIST_SORT, type ListFilter, type ListSort } from '../ipc/contract-constants';
import { filterOf, orderOf } from './list-order';
import { timed, type Db } from './open-database';
import { PreparedStatements } from './prepared-statements';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row';

/** A page of a folder's flat list (messages.list without `threads`). */
export interface FolderPageQuery {
  folderId: number;
  offset: number;
  limit: number;
  sort?: ListSort;
  filter?: ListFilter;
}

/**
 * One page of a folder's list in the user's order, narrowed by the quick filter. Read on the main thread's
 * connection for the plain list (an index walk of one page), and in the search worker when the filter has
 * words to look for (hasFilterText): those look at every message of the folder to count the matches.
 */
export class FolderPage {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  page({ folderId, offset, limit, sort = DEFAULT_LIST_SORT, filter = {} }: FolderPageQuery): { total: number; items: MessageSummary[] } {
    const folder = this.statements.get('SELECT total_count AS total, role FROM folders WHERE id = ?').get(folderId) as { total: number; role: FolderRole | null } | undefined;
    const narrowed = filterOf(filter);
    const where = `m.folder_id = ?${narrowed.sql}`;
    const total = narrowed.sql === '' ? (folder?.total ?? 0) : (this.statements.pluck(`SELECT count(*) FROM messages m WHERE ${where}`).get(folderId, ...narrowed.values) as number);
    const query = this.statements.get(`SELECT ${SUMMARY_COLUMNS} FROM messages m WHERE ${where} ORDER BY ${orderOf(sort, folder?.role ?? null)} LIMIT ? OFFSET ?`);
    // The list's query runs on every scroll: log it if it ever gets slow.
    const rows = timed('messages.page', () => query.all(folderId, ...narrowed.values, limit, offset)) as SummaryRow[];
    return { total, items: rows.map(toSummary) };
  }
}
