import type { ErrorShape } from '../errors/error-codes';
import type { ListSort } from '../ipc/contract-constants';
import type { MessageSummary, SearchHit, ViewMessageSummary } from '../ipc/mail-shapes';
import type { SearchScope } from '../store/search-repo';
import type { SearchConditions } from './search-operators';
import type { FolderPageQuery, NeighbourQuery } from '../store/folder-page';
import type { ThreadsQuery } from '../store/threaded-list';
import type { FilteredViewQuery } from '../store/unified-views-repo';

/** Marks a Worker started by WorkerSearchQueries, so search-worker.ts never answers another thread's port. */
export const SEARCH_WORKER_ROLE = 'wren-search-worker';

/** One search: `match` and `exclude` are already built by searchAskOf (never the user's raw text); null when no word asks. */
export interface SearchQuery {
  match: string | null;
  exclude: string | null;
  conditions: SearchConditions;
  /** A word is looked for in the text: the answer counts the messages whose text is not stored (`textless`). */
  readsText?: boolean;
  scope: SearchScope;
  offset: number;
  limit: number;
  /** Newest first when absent. */
  sort?: ListSort;
}

/**
 * A page of hits, the count of all of them, how many messages the index does not hold yet, and how many in the
 * scope have no stored text (never opened, not kept for offline reading): their text was not searched.
 */
export interface SearchAnswer {
  total: number;
  items: SearchHit[];
  unindexed: number;
  textless: number;
  /** The query's unknown operators (`foo:`), searched as text (added on this side of the worker: the query's own). */
  unknownOperators?: string[];
}

/** A page of a folder's threaded list (the other read that can take long; see ThreadedList). */
export interface ThreadsAnswer {
  total: number;
  items: MessageSummary[];
  messages: number;
  ignored?: number;
}

/** A page of a folder's flat list narrowed by words (the quick filter's text: it reads the whole folder). */
export interface ListAnswer {
  total: number;
  items: MessageSummary[];
  ignored?: number;
}

/** The message beside one in a folder's list in threads (a message window's Next and Previous); null at the end. */
export interface NeighbourAnswer {
  messageId: number | null;
}

export type ToSearchWorker =
  | ({ kind: 'search' } & SearchQuery & { id: number })
  | ({ kind: 'threads' } & ThreadsQuery & { id: number })
  | ({ kind: 'threadNeighbour' } & NeighbourQuery & { id: number })
  | ({ kind: 'list' } & FolderPageQuery & { id: number })
  | ({ kind: 'viewList' } & FilteredViewQuery & { id: number });

/** A unified view's page under the quick filter. */
export interface ViewListAnswer {
  total: number;
  items: ViewMessageSummary[];
}

export type WorkerAnswer = SearchAnswer | ThreadsAnswer | NeighbourAnswer | ListAnswer | ViewListAnswer;

export type FromSearchWorker = { id: number; ok: true; answer: WorkerAnswer } | { id: number; ok: false; error: ErrorShape };
