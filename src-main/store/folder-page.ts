import type { MessageSummary } from '../ipc/contract';
import { DEFAULT_LIST_SORT, isFiltered, listRoleOf, type ListFilter, type ListSort } from '../ipc/contract-constants';
import type { ListedFolder } from './threaded-list';
import { withIgnoredThreads } from './ignored-rows';
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

/** The message next to one in its folder's list (messages.neighbour), as the list is ordered and narrowed. */
export interface NeighbourQuery {
  messageId: number;
  direction: 'next' | 'previous';
  /** Only an unread one (Thunderbird's Next ▸ Unread Message). */
  unread: boolean;
  sort: ListSort;
  filter: Pick<ListFilter, 'hideIgnored'>;
}

/**
 * A page of a list. `ignored`: how many of the folder's messages are in ignored threads, when the filter says
 * whether to hide them (they are then left out) and there are some.
 */
export interface FolderPageAnswer {
  total: number;
  items: MessageSummary[];
  ignored?: number;
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

  page({ folderId, offset, limit, sort = DEFAULT_LIST_SORT, filter = {} }: FolderPageQuery): FolderPageAnswer {
    const folder = this.statements.get('SELECT total_count AS total, account_id AS accountId, path, role FROM folders WHERE id = ?').get(folderId) as (ListedFolder & { total: number }) | undefined;
    const { ignored, filter: read } = withIgnoredThreads(this.statements, folderId, filter);
    const hiding = read.hideIgnored === true;
    const narrowed = filterOf(read, folder ? listRoleOf(folder) : null);
    const where = `m.folder_id = ?${narrowed.sql}`;
    const total = this.total(folderId, folder?.total ?? 0, { where, values: narrowed.values, hidden: hiding && !isFiltered(filter) ? ignored : null });
    const query = this.statements.get(`SELECT ${SUMMARY_COLUMNS} FROM messages m WHERE ${where} ORDER BY ${orderOf(sort, folder ? listRoleOf(folder) : null)} LIMIT ? OFFSET ?`);
    // The list's query runs on every scroll: log it if it ever gets slow.
    const rows = timed('messages.page', () => query.all(folderId, ...narrowed.values, limit, offset)) as SummaryRow[];
    return { total, items: rows.map(toSummary), ...(ignored > 0 && { ignored }) };
  }

  /**
   * The message after (or before) this one in its folder's list, in the list's order and without what the list
   * hides: what a message window's Next and Previous show. Null at the list's end, or when the message is not in
   * the list (gone from the folder, or in a thread the list hides). One pass over the folder, numbered in order.
   */
  neighbour({ messageId, direction, unread, sort, filter }: NeighbourQuery): number | null {
    const folder = this.statements.get('SELECT f.id, f.account_id AS accountId, f.path, f.role FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?')
      .get(messageId) as (ListedFolder & { id: number }) | undefined;
    if (!folder) return null;
    const narrowed = filterOf(withIgnoredThreads(this.statements, folder.id, filter).filter, listRoleOf(folder));
    const [beyond, nearestFirst] = direction === 'next' ? ['>', 'ASC'] : ['<', 'DESC'];
    const query = this.statements.pluck(
      `WITH listed AS (SELECT m.id, m.seen, row_number() OVER (ORDER BY ${orderOf(sort, listRoleOf(folder))}) AS n FROM messages m WHERE m.folder_id = ?${narrowed.sql})
       SELECT id FROM listed WHERE n ${beyond} (SELECT n FROM listed WHERE id = ?)${unread ? ' AND seen = 0' : ''} ORDER BY n ${nearestFirst} LIMIT 1`,
    );
    return (timed('messages.neighbour', () => query.get(folder.id, ...narrowed.values, messageId)) as number | undefined) ?? null;
  }

  /**
   * The folder's count, less what ignored threads hide when nothing else narrows it: counting the rows would
   * read the whole folder on the main thread. Otherwise (the quick filter's switches) the rows are counted.
   */
  private total(folderId: number, folderTotal: number, narrowed: { where: string; values: (string | null)[]; hidden: number | null }): number {
    if (narrowed.where === 'm.folder_id = ?') return folderTotal;
    if (narrowed.hidden !== null) return folderTotal - narrowed.hidden;
    return this.statements.pluck(`SELECT count(*) FROM messages m WHERE ${narrowed.where}`).get(folderId, ...narrowed.values) as number;
  }
}
