import type { ErrorShape } from '../errors/error-codes';
import type { ListSort } from '../ipc/contract-constants';
import type { SearchHit } from '../ipc/mail-shapes';
import type { SearchScope } from '../store/search-repo';

/** Marks a Worker started by WorkerSearchQueries, so search-worker.ts never answers another thread's port. */
export const SEARCH_WORKER_ROLE = 'wren-search-worker';

/** One FTS5 query: `match` is already built by toFtsMatch (never the user's raw text). */
export interface SearchQuery {
  match: string;
  scope: SearchScope;
  offset: number;
  limit: number;
  /** Newest first when absent. */
  sort?: ListSort;
}

/** A page of hits, the count of all of them, and how many messages the index does not hold yet. */
export interface SearchAnswer {
  total: number;
  items: SearchHit[];
  unindexed: number;
}

export type ToSearchWorker = SearchQuery & { id: number };

export type FromSearchWorker = { id: number; ok: true; answer: SearchAnswer } | { id: number; ok: false; error: ErrorShape };
