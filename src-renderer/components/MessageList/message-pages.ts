import { isFiltered, MAX_KEPT_IN_FILTER, type ListFilter, type ListSort, type MessageSummary } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { toErrorShape, type WrenClient } from '../../client/wren-client';
import { viewOfFolderId } from '../UnifiedViews/view-folders';
import { isSearchFolderId } from '../Search/search-folder';
import type { SavedFolds } from './saved-thread-folds';
import { ThreadFolds } from './thread-folds';

export const PAGE_SIZE = 200;

/**
 * A folder's message list, fetched a page of 200 at a time as rows come into
 * view, so a folder of 50,000 messages costs only what is on screen. The
 * order is the core's (the user's sort, newest first unless chosen otherwise);
 * row i is item i % 200 of page i / 200.
 * A unified view (see view-folders.ts) pages the same way through messages.listView,
 * and search results (see search-folder.ts) through messages.search.
 */
export class MessagePages {
  total: number | null = null;
  /** The messages the rows stand for: more than `total` while a thread is collapsed. */
  messages: number | null = null;
  error: ErrorShape | null = null;
  /** Search results only: messages not yet indexed, so not searched (a large sync just stored them). */
  unindexed = 0;
  /** Search results only: messages whose text is not stored, found by their headers only (a word was looked for in the text). */
  textless = 0;
  /** Search results only: the query's words before a colon that are no operator (`foo:`), searched as text. */
  unknownOperators: string[] = [];
  /** A folder's messages in ignored threads: left out of the rows unless the settings show them. */
  ignored = 0;
  private readonly pages = new Map<number, MessageSummary[]>();
  /** Row index by message id over the pages here, so a selection of thousands finds its rows at once. */
  private readonly indexById = new Map<number, number>();
  /** The ticket of the newest request per page; a page is in flight while it has one. */
  private readonly inFlight = new Map<number, number>();
  private nextTicket = 1;
  private visible = { first: 0, last: 0 };
  /** Under a quick filter, or in Unread and Starred: the messages listed so far, newest last, which stay listed (see keepsListed). */
  private readonly listed = new Set<number>();

  constructor(
    private readonly client: WrenClient,
    readonly folderId: number,
    private readonly onChange: () => void,
    /** The words searched for, when these are search results. */
    readonly query: string = '',
    /** A folder's order (unified views and search results keep newest first). */
    readonly sort?: ListSort,
    /** The quick filter of a folder or a unified view (search results have none: their query narrows them). */
    readonly filter?: ListFilter,
    /** A folder's list arranged in threads (with its order). */
    readonly threaded = false,
    /** Which of this folder's threads are collapsed (kept by the caller across visits). */
    private readonly folds = new ThreadFolds(),
  ) {}

  /** Whether the list may be arranged in threads: a folder's (messages.list); views and search results are listed flat. */
  get threadsOffered(): boolean {
    return viewOfFolderId(this.folderId) === null && !isSearchFolderId(this.folderId);
  }

  /** Collapses the thread whose first message is `rootId`, or expands it again; the rows come anew. */
  toggleThread(rootId: number): void {
    this.setThreadCollapsed(rootId, !this.folds.isCollapsed(rootId));
  }

  /** Collapses or expands the thread whose first message is `rootId` (nothing happens when it is so already). */
  setThreadCollapsed(rootId: number, collapsed: boolean): void {
    if (this.folds.set(rootId, collapsed)) this.refresh();
  }

  /** Collapses or expands every thread of the folder (Thunderbird's Collapse All Threads, Expand All Threads). */
  setAllThreadsCollapsed(collapsed: boolean): void {
    if (this.folds.setAll(collapsed)) this.refresh();
  }

  /** What the settings keep for this folder's threads (see ThreadFolds.follow). */
  followSavedFolds(saved: SavedFolds): void {
    if (this.folds.follow(saved) && this.threaded) this.refresh();
  }

  rowAt(index: number): MessageSummary | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /**
   * The messages an action on these rows reaches: a collapsed thread's row stands for its hidden replies
   * too, as in Thunderbird (deleting or moving a collapsed thread takes all of it).
   */
  withThreads(ids: Iterable<number>): number[] {
    const reached = new Set<number>();
    for (const id of ids) {
      reached.add(id);
      for (const hidden of this.byId(id)?.thread?.hidden ?? []) reached.add(hidden);
    }
    return [...reached];
  }

  /** Where a message is among the rows fetched so far; -1 when its page is not here. */
  indexOf(messageId: number): number {
    return this.indexById.get(messageId) ?? -1;
  }

  /** A message's row as fetched last, if its page is here. */
  byId(messageId: number): MessageSummary | undefined {
    const index = this.indexOf(messageId);
    return index >= 0 ? this.rowAt(index) : undefined;
  }

  /** Whether every row of the list is here (a message not among them is not in the list). */
  holdsEveryRow(): boolean {
    return this.total !== null && pagesFor(0, this.total - 1).every((page) => this.pages.has(page));
  }

  /** Rows first..last if every one is here already (the usual case: no waiting, no race between keys); else null. */
  loadedBetween(first: number, last: number): MessageSummary[] | null {
    const rows: MessageSummary[] = [];
    for (let index = Math.min(first, last); index <= Math.max(first, last); index++) {
      const row = this.rowAt(index);
      if (!row) return null;
      rows.push(row);
    }
    return rows;
  }

  /**
   * Rows first..last, fetching the pages that are not here: a shift-click
   * range or "select all" spans pages the user never scrolled to.
   */
  async rowsBetween(first: number, last: number): Promise<MessageSummary[]> {
    const [from, to] = first <= last ? [first, last] : [last, first];
    const missing = pagesFor(from, to).filter((page) => !this.pages.has(page));
    await Promise.all(missing.map((page) => this.load(page)));
    const rows: MessageSummary[] = [];
    for (let index = from; index <= to; index++) {
      const row = this.rowAt(index);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** Rows first..last are on screen: fetch the pages they need that are neither here nor coming. */
  showRows(first: number, last: number): void {
    this.visible = { first, last };
    for (const page of pagesFor(first, last)) {
      if (!this.pages.has(page) && !this.inFlight.has(page)) void this.load(page);
    }
  }

  /**
   * The folder changed: fetch the visible pages again and forget the others,
   * which are fetched anew if the user scrolls back to them.
   */
  refresh(): void {
    const visiblePages = pagesFor(this.visible.first, this.visible.last);
    for (const page of [...this.pages.keys()]) {
      if (!visiblePages.includes(page)) this.forget(page);
    }
    for (const page of visiblePages) void this.load(page);
  }

  private async load(page: number): Promise<void> {
    const ticket = this.nextTicket++;
    this.inFlight.set(page, ticket);
    const offset = page * PAGE_SIZE;
    const view = viewOfFolderId(this.folderId);
    const request = isSearchFolderId(this.folderId)
      ? this.client.request('messages.search', { query: this.query, offset, limit: PAGE_SIZE, ...(this.sort && { sort: this.sort }) })
      : view
        ? this.client.request('messages.listView', {
            view, offset, limit: PAGE_SIZE, ...(this.sort && { sort: this.sort }), ...(this.listed.size > 0 && { keep: [...this.listed] }), ...this.viewNarrowing(),
          })
        : this.client.request('messages.list', {
            folderId: this.folderId, offset, limit: PAGE_SIZE,
            ...(this.sort && { sort: this.sort, filter: this.narrowing() }),
            ...(this.threaded && { threads: this.folds.request() }),
          });
    const outcome = await request.then(
      (result) => ({ result }),
      (error: unknown) => ({ error: toErrorShape(error) }),
    );
    if (this.inFlight.get(page) !== ticket) return; // a newer request for this page superseded this one
    this.inFlight.delete(page);
    if ('result' in outcome) {
      this.forget(page);
      this.pages.set(page, outcome.result.items);
      if (this.keepsListed()) this.remember(outcome.result.items);
      outcome.result.items.forEach((item, at) => this.indexById.set(item.id, page * PAGE_SIZE + at));
      this.total = outcome.result.total;
      this.messages = ('messages' in outcome.result ? outcome.result.messages : undefined) ?? outcome.result.total;
      this.unindexed = 'unindexed' in outcome.result ? (outcome.result.unindexed as number) : 0;
      this.textless = 'textless' in outcome.result ? (outcome.result.textless as number) : 0;
      this.unknownOperators = 'unknownOperators' in outcome.result ? ((outcome.result.unknownOperators as string[] | undefined) ?? []) : [];
      this.ignored = ('ignored' in outcome.result ? outcome.result.ignored : undefined) ?? 0;
      this.error = null;
    } else {
      this.error = outcome.error;
    }
    this.onChange();
  }

  /**
   * Whether what was listed stays listed while this list is open, though it no longer matches: under a quick
   * filter, and in the Unread and Starred views (the message being read is marked read), as in Thunderbird.
   */
  private keepsListed(): boolean {
    const view = viewOfFolderId(this.folderId);
    return view === 'unread' || view === 'flagged' || (this.filter !== undefined && isFiltered(this.filter));
  }

  /** The filter with what it keeps: what was listed under it, the newest MAX_KEPT_IN_FILTER. */
  private narrowing(): ListFilter {
    const filter = this.filter ?? {};
    return isFiltered(filter) ? { ...filter, keep: [...this.listed] } : filter;
  }

  /** A view's quick filter, when one is on (a view hides no ignored thread: that is a folder's choice). */
  private viewNarrowing(): { filter?: Omit<ListFilter, 'keep' | 'hideIgnored'> } {
    if (this.filter === undefined || !isFiltered(this.filter)) return {};
    const { keep: _keep, hideIgnored: _hideIgnored, ...filter } = this.filter;
    return { filter };
  }

  private remember(items: MessageSummary[]): void {
    for (const item of items) {
      this.listed.delete(item.id);
      this.listed.add(item.id);
    }
    for (const id of this.listed) {
      if (this.listed.size <= MAX_KEPT_IN_FILTER) break;
      this.listed.delete(id);
    }
  }

  private forget(page: number): void {
    for (const item of this.pages.get(page) ?? []) {
      if (Math.floor((this.indexById.get(item.id) ?? -1) / PAGE_SIZE) === page) this.indexById.delete(item.id);
    }
    this.pages.delete(page);
  }
}

function pagesFor(first: number, last: number): number[] {
  const pages: number[] = [];
  for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.max(first, last) / PAGE_SIZE); page++) pages.push(page);
  return pages;
}
