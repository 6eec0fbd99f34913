import type { FolderRole, MessageSummary } from '../ipc/contract';
import { listRoleOf, type ListFilter, type ListSort } from '../ipc/contract-constants';
import { withIgnoredThreads } from './ignored-rows';
import { filterOf, orderOf } from './list-order';
import { timed, type Db } from './open-database';
import type { NeighbourQuery } from './folder-page';
import { PreparedStatements } from './prepared-statements';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row';
import { arrangeThreads, foldedBy, type ThreadFolding, type ThreadRow } from './thread-order';

/** What a list needs of its folder to be sorted as shown (see listRoleOf). */
export interface ListedFolder {
  accountId: number | null;
  path: string;
  role: FolderRole | null;
}

/** A page of a folder's list arranged in threads (messages.list with `threads`). */
export interface ThreadsQuery {
  folderId: number;
  offset: number;
  limit: number;
  sort: ListSort;
  filter: ListFilter;
  /** Which threads are shown by their first message alone. */
  folding: ThreadFolding;
}

/** The folder's rows in threads, and how many messages they stand for (a collapsed thread's row is several). */
interface Arrangement {
  rows: ThreadRow[];
  messages: number;
  /** The folder's messages in ignored threads (left out when the filter hides them). */
  ignored: number;
  /** The unread ones among the rows' messages (Next ▸ Unread Message). */
  unread: Set<number>;
}

/** What an arrangement depends on: a page's query less its offset and limit. */
type ArrangementQuery = Pick<ThreadsQuery, 'folderId' | 'sort' | 'filter' | 'folding'>;

/** A message window reads every message in thread order: every thread open. */
const EVERY_THREAD_OPEN: ThreadFolding = { collapsed: [], collapseAll: false, expanded: [] };

/** The list's arrangement and a message window's (every thread open) are both kept, so neither undoes the other's. */
const KEPT_ARRANGEMENTS = 2;

/** Row fields read for every message of the folder: [id, message_id, in_reply_to, thread_root, sort_date, seen]. */
type LinkRow = [number, string | null, string | null, string | null, number, number];

/**
 * A folder's list in threads (see arrangeThreads). The threads need every message of the folder, not one
 * page: 100,000 take about half a second to read and arrange, so this runs in the search worker (see
 * WorkerSearchQueries), and the arrangement is kept for the next pages until the database changes.
 */
export class ThreadedList {
  private readonly statements: PreparedStatements;
  private kept: { key: string; version: string; arrangement: Arrangement }[] = [];

  constructor(private readonly db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /** `total` counts rows (a collapsed thread is one), `messages` the messages they stand for. */
  page(query: ThreadsQuery): { total: number; items: MessageSummary[]; messages: number; ignored?: number } {
    const { rows, messages, ignored } = this.arranged(query);
    const shown = rows.slice(query.offset, query.offset + query.limit);
    const full = this.statements.get(`SELECT ${SUMMARY_COLUMNS} FROM messages m WHERE m.id IN (SELECT value FROM json_each(?))`);
    const byId = new Map((full.all(JSON.stringify(shown.map((row) => row.id))) as SummaryRow[]).map((row) => [row.id, toSummary(row)]));
    const items: MessageSummary[] = [];
    for (const { id, ...thread } of shown) {
      const summary = byId.get(id);
      if (summary) items.push({ ...summary, thread });
    }
    return { total: rows.length, items, messages, ...(ignored > 0 && { ignored }) };
  }

  /**
   * The message after (or before) this one in its folder's list in threads, every thread open, as the list
   * orders and narrows it: a message window's Next and Previous when the list shows threads. Null at the end,
   * or when the message is not in the list.
   */
  neighbour({ messageId, direction, unread, sort, filter }: NeighbourQuery): number | null {
    const folderId = this.statements.pluck('SELECT folder_id FROM messages WHERE id = ?').get(messageId) as number | undefined;
    if (folderId === undefined) return null;
    const arrangement = this.arranged({ folderId, sort, filter, folding: EVERY_THREAD_OPEN });
    const at = arrangement.rows.findIndex((row) => row.id === messageId);
    if (at < 0) return null;
    const step = direction === 'next' ? 1 : -1;
    for (let i = at + step; i >= 0 && i < arrangement.rows.length; i += step) {
      const { id } = arrangement.rows[i]!;
      if (!unread || arrangement.unread.has(id)) return id;
    }
    return null;
  }

  private arranged(query: ArrangementQuery): Arrangement {
    const key = JSON.stringify([query.folderId, query.sort, query.filter, query.folding]);
    const version = this.version();
    const kept = this.kept.find((entry) => entry.key === key && entry.version === version);
    if (kept) return kept.arrangement;
    const folder = this.statements.get('SELECT account_id AS accountId, path, role FROM folders WHERE id = ?').get(query.folderId) as ListedFolder | undefined;
    const role = folder ? listRoleOf(folder) : null;
    const { ignored, filter } = withIgnoredThreads(this.statements, query.folderId, query.filter);
    const narrowed = filterOf(filter, role);
    const links = this.statements.get(
      `SELECT m.id, m.message_id, m.in_reply_to, m.thread_root, m.sort_date, m.seen FROM messages m
       WHERE m.folder_id = ?${narrowed.sql} ORDER BY ${orderOf(query.sort, role)}`,
    ).raw();
    const unread = new Set<number>();
    const rows = timed('messages.threads', () => {
      const inputs = (links.all(query.folderId, ...narrowed.values) as LinkRow[]).map(([id, messageId, inReplyTo, threadRoot, sortDate, seen]) => {
        if (seen === 0) unread.add(id);
        return { id, messageId, inReplyTo, threadRoot, sortDate, seen: seen === 1 };
      });
      return arrangeThreads(inputs, foldedBy(query.folding));
    });
    const arrangement = { rows, messages: rows.reduce((sum, row) => sum + (row.collapsed ? row.size : 1), 0), ignored, unread };
    this.kept = [{ key, version, arrangement }, ...this.kept.filter((entry) => entry.key !== key)].slice(0, KEPT_ARRANGEMENTS);
    return arrangement;
  }

  /** Changes when any connection commits (data_version) or this one writes (total_changes). */
  private version(): string {
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    return `${dataVersion}:${this.statements.pluck('SELECT total_changes()').get() as number}`;
  }
}
