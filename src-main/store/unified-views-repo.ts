import type { FolderRole, UnifiedView, UnifiedViewCount, ViewMessageSummary } from '../ipc/contract';
import { timed, type Db } from './open-database';
import { PreparedStatements } from './prepared-statements';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row';
import { NOT_SHOWN_AGAIN } from './shown-again';
import { filterOf, orderOf } from './list-order';
import { DEFAULT_LIST_SORT, isFiltered, type ListFilter, type ListSort } from '../ipc/contract-constants';

/** Unread and Flagged leave out what the user threw away or the server called junk. */
const COUNTED_FOLDER = "ifnull(f.role, '') NOT IN ('trash', 'junk')";
/** Folders that show other folders' messages again (Gmail's All Mail, Starred): counted message by message. */
const VIEW_FOLDER = "f.role IN ('all', 'flagged')";

type ViewRow = SummaryRow & { accountId: number | null; folderRole: FolderRole | null };

/** A page of a view under the quick filter (see filteredPage), as the search worker is asked for it. */
export interface FilteredViewQuery {
  view: UnifiedView;
  offset: number;
  limit: number;
  sort: ListSort;
  keep: number[];
  filter: ListFilter;
}

/** What puts a message in Unread or Flagged. */
const VIEW_CONDITION = { unread: 'm.seen = 0', flagged: 'm.flagged = 1' } as const;

/** Unread or Flagged with the ids it keeps listing (a JSON array: one statement text whatever is kept). */
interface KeptInView {
  view: keyof typeof VIEW_CONDITION;
  ids: string;
}

/**
 * The views across accounts. Counts come from the folders' kept counts
 * (Inbox, Unread) or from the partial index of flagged messages, whose size
 * is the number of flagged messages; pages walk an index in date order, so
 * neither touches every message of a large mailbox.
 */
export class UnifiedViewsRepo {
  private readonly statements: PreparedStatements;

  /** The last counts and the store's state they were taken in (see `changesSeen`). */
  private lastCounts: { seen: string; counts: UnifiedViewCount[] } | null = null;

  constructor(private readonly db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /**
   * Taken again only once the store has changed: counting a view folder's
   * unread messages one by one (Gmail's All Mail, see unreadCount) costs tens
   * of milliseconds on a large account, and every page asks for its total.
   */
  counts(): UnifiedViewCount[] {
    const seen = this.changesSeen();
    if (this.lastCounts?.seen === seen) return this.lastCounts.counts;
    const counts = this.countNow();
    this.lastCounts = { seen, counts };
    return counts;
  }

  /** Changes since: commits of other connections (the sync worker's; data_version) and this connection's own (total_changes). */
  private changesSeen(): string {
    return `${String(this.db.pragma('data_version', { simple: true }))}:${String(this.statements.pluck('SELECT total_changes()').get())}`;
  }

  private countNow(): UnifiedViewCount[] {
    const inbox = this.statements
      .get("SELECT ifnull(sum(total_count), 0) AS total, ifnull(sum(unread_count), 0) AS unread FROM folders f WHERE f.role = 'inbox'")
      .get() as { total: number; unread: number };
    const unread = this.unreadCount();
    const flagged = this.statements
      .get(
        `SELECT count(*) AS total, ifnull(sum(1 - m.seen), 0) AS unread FROM messages m INDEXED BY messages_flagged_date
         JOIN folders f ON f.id = m.folder_id WHERE m.flagged = 1 AND ${COUNTED_FOLDER} AND ${NOT_SHOWN_AGAIN}`,
      )
      .get() as { total: number; unread: number };
    return [
      { view: 'inbox', ...inbox },
      { view: 'unread', total: unread, unread },
      { view: 'flagged', ...flagged },
    ];
  }

  /** The folders' kept counts, but a view folder's unread messages one by one, those not already counted in their own folder. */
  private unreadCount(): number {
    const own = this.statements.pluck(`SELECT ifnull(sum(unread_count), 0) FROM folders f WHERE ${COUNTED_FOLDER} AND NOT ifnull(${VIEW_FOLDER}, 0)`).get() as number;
    if (!this.statements.pluck(`SELECT EXISTS (SELECT 1 FROM folders f WHERE ${VIEW_FOLDER})`).get()) return own;
    const shownOnlyThere = this.statements
      .pluck(`SELECT count(*) FROM folders f JOIN messages m ON m.folder_id = f.id WHERE ${VIEW_FOLDER} AND m.seen = 0 AND ${NOT_SHOWN_AGAIN}`)
      .get() as number;
    return own + shownOnlyThere;
  }

  /**
   * `keep`: messages listed already, which Unread and Flagged go on listing though read or unflagged since (the one
   * being read is marked read), as Thunderbird keeps them until the view is left.
   */
  page(
    view: UnifiedView, offset: number, limit: number, sort: ListSort = DEFAULT_LIST_SORT, keep: readonly number[] = [], filter: ListFilter = {},
  ): { total: number; items: ViewMessageSummary[] } {
    if (isFiltered(filter)) return this.filteredPage({ view, offset, limit, sort, keep: [...keep], filter });
    const kept = view === 'inbox' || keep.length === 0 ? null : { view, ids: JSON.stringify(keep) };
    const total = this.counts().find((count) => count.view === view)!.total + (kept ? this.keptCount(kept) : 0);
    const newestFirst = sort.by === DEFAULT_LIST_SORT.by && sort.descending === DEFAULT_LIST_SORT.descending;
    const rows = timed(`messages.listView ${view}`, () =>
      kept
        ? this.keptRows(kept, sort, offset, limit)
        : !newestFirst ? this.sortedRows(view, sort, offset, limit) : view === 'inbox' ? this.inboxRows(offset, limit) : this.indexedRows(view, offset, limit),
    );
    return { total, items: rows.map((row) => ({ ...toSummary(row), accountId: row.accountId, folderRole: row.folderRole })) };
  }

  /**
   * Under the quick filter (Thunderbird's, over a unified folder too): the view's messages that match, and those
   * listed so far (`keep`), which stay as they do in a folder's filter. No partial index has this: the view's
   * messages are read whole, as a filtered folder's words are: the app asks the search worker (MessageSearch.viewPage).
   */
  filteredPage({ view, offset, limit, sort, keep, filter }: FilteredViewQuery): { total: number; items: ViewMessageSummary[] } {
    const ids = JSON.stringify(keep);
    const inView = view === 'inbox'
      ? "f.role = 'inbox'"
      : `(${VIEW_CONDITION[view]} OR m.id IN (SELECT value FROM json_each(?))) AND ${COUNTED_FOLDER} AND ${NOT_SHOWN_AGAIN}`;
    const viewValues = view === 'inbox' ? [] : [ids];
    const narrowed = filterOf({ ...filter, keep, hideIgnored: false }, null);
    const where = `FROM messages m JOIN folders f ON f.id = m.folder_id WHERE ${inView}${narrowed.sql}`;
    const values = [...viewValues, ...narrowed.values];
    return timed(`messages.listView ${view} filtered`, () => {
      const total = this.statements.pluck(`SELECT count(*) ${where}`).get(...values) as number;
      const rows = this.statements
        .get(`SELECT ${SUMMARY_COLUMNS}, f.account_id AS accountId, f.role AS folderRole ${where} ORDER BY ${orderOf(sort, null)} LIMIT ? OFFSET ?`)
        .all(...values, limit, offset) as ViewRow[];
      return { total, items: rows.map((row) => ({ ...toSummary(row), accountId: row.accountId, folderRole: row.folderRole })) };
    });
  }

  /** The kept messages the view's count leaves out: no longer unread (or flagged), still in a folder the view gathers. */
  private keptCount({ view, ids }: KeptInView): number {
    return this.statements
      .pluck(
        `SELECT count(*) FROM messages m JOIN folders f ON f.id = m.folder_id
         WHERE m.id IN (SELECT value FROM json_each(?)) AND NOT (${VIEW_CONDITION[view]}) AND ${COUNTED_FOLDER} AND ${NOT_SHOWN_AGAIN}`,
      )
      .get(ids) as number;
  }

  /** The view's messages and the kept ones, in the list's order: the view's partial index and the kept ids, each looked up by id. */
  private keptRows({ view, ids }: KeptInView, sort: ListSort, offset: number, limit: number): ViewRow[] {
    const index = view === 'unread' ? 'messages_unread_date' : 'messages_flagged_date';
    return this.statements
      .get(
        `SELECT ${SUMMARY_COLUMNS}, f.account_id AS accountId, f.role AS folderRole FROM messages m JOIN folders f ON f.id = m.folder_id
         WHERE m.id IN (SELECT m.id FROM messages m INDEXED BY ${index} WHERE ${VIEW_CONDITION[view]} UNION SELECT value FROM json_each(?))
         AND ${COUNTED_FOLDER} AND ${NOT_SHOWN_AGAIN} ORDER BY ${orderOf(sort, null)} LIMIT ? OFFSET ?`,
      )
      .all(ids, limit, offset) as ViewRow[];
  }

  /**
   * Another order than newest first: no index has it, so the view's messages are sorted whole (by the
   * folder list's rules, list-order.ts). The sender is always the sender here: a view mixes folders.
   */
  private sortedRows(view: UnifiedView, sort: ListSort, offset: number, limit: number): ViewRow[] {
    const condition = view === 'inbox' ? "f.role = 'inbox'" : `${view === 'unread' ? 'm.seen = 0' : 'm.flagged = 1'} AND ${COUNTED_FOLDER} AND ${NOT_SHOWN_AGAIN}`;
    return this.statements
      .get(
        `SELECT ${SUMMARY_COLUMNS}, f.account_id AS accountId, f.role AS folderRole FROM messages m
         JOIN folders f ON f.id = m.folder_id WHERE ${condition} ORDER BY ${orderOf(sort, null)} LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as ViewRow[];
  }

  /** Unread or flagged: the partial index holds just those messages, newest first. */
  private indexedRows(view: 'unread' | 'flagged', offset: number, limit: number): ViewRow[] {
    const [index, condition] = view === 'unread' ? ['messages_unread_date', 'm.seen = 0'] : ['messages_flagged_date', 'm.flagged = 1'];
    return this.statements
      .get(
        `SELECT ${SUMMARY_COLUMNS}, f.account_id AS accountId, f.role AS folderRole FROM messages m INDEXED BY ${index}
         JOIN folders f ON f.id = m.folder_id WHERE ${condition} AND ${COUNTED_FOLDER} AND ${NOT_SHOWN_AGAIN}
         ORDER BY m.sort_date DESC, m.id DESC LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as ViewRow[];
  }

  /**
   * Every Inbox's newest `offset + limit` through its own (folder, date)
   * index, merged: a page costs what it shows, not the Inboxes' size.
   */
  private inboxRows(offset: number, limit: number): ViewRow[] {
    const inboxes = this.statements.get("SELECT id, account_id AS accountId FROM folders WHERE role = 'inbox' ORDER BY id").all() as {
      id: number;
      accountId: number | null;
    }[];
    if (inboxes.length === 0) return [];
    // No join inside: the (folder_id, sort_date) index then gives each Inbox's rows already in order.
    const each = `SELECT * FROM (SELECT ${SUMMARY_COLUMNS}, ? AS accountId, 'inbox' AS folderRole FROM messages m
      WHERE m.folder_id = ? ORDER BY m.sort_date DESC, m.id DESC LIMIT ?)`;
    const sql = `${inboxes.map(() => each).join(' UNION ALL ')} ORDER BY sort_date DESC, id DESC LIMIT ? OFFSET ?`;
    const params = inboxes.flatMap((inbox) => [inbox.accountId, inbox.id, offset + limit]);
    return this.statements.get(sql).all(...params, limit, offset) as ViewRow[];
  }
}
