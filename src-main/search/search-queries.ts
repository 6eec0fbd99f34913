import type { SearchRepo } from '../store/search-repo';
import type { FolderPage, FolderPageQuery, NeighbourQuery } from '../store/folder-page';
import type { ThreadedList, ThreadsQuery } from '../store/threaded-list';
import type { FilteredViewQuery, UnifiedViewsRepo } from '../store/unified-views-repo';
import type { ListAnswer, NeighbourAnswer, SearchAnswer, SearchQuery, ThreadsAnswer, ViewListAnswer } from './search-worker-protocol';

/**
 * Where `messages.search` runs its FTS5 query: in a worker thread with its
 * own read-only connection (the app, the web mode, the CLI: a query over a
 * large store takes hundreds of ms), or in this thread (tests from
 * TypeScript, where no bundled worker exists). A folder's threaded list,
 * and its list narrowed by words, which read the whole folder, run there too.
 */
export interface SearchQueries {
  run(query: SearchQuery): Promise<SearchAnswer>;
  threads(query: ThreadsQuery): Promise<ThreadsAnswer>;
  /** The message beside one in its folder's list in threads (see ThreadedList.neighbour), which arranges the whole folder. */
  threadNeighbour(query: NeighbourQuery): Promise<NeighbourAnswer>;
  /** A folder's flat list narrowed by words, which reads the whole folder too. */
  list(query: FolderPageQuery): Promise<ListAnswer>;
  /** A unified view's list under the quick filter, which reads every message of the view. */
  viewList(query: FilteredViewQuery): Promise<ViewListAnswer>;
  /** Stops the worker, if any; queries it was running fail with SearchStopped. */
  close(): Promise<void>;
}

/** The query itself, the same on either side of the thread boundary. */
export function answerQuery(repo: SearchRepo, query: SearchQuery): SearchAnswer {
  const found = repo.search({ match: query.match, exclude: query.exclude, conditions: query.conditions }, query.scope, query.offset, query.limit, query.sort);
  // Operators alone never read the index, so what it still lacks is missing from no answer.
  const unindexed = query.match === null && query.exclude === null ? 0 : repo.pendingCount();
  return { ...found, unindexed, textless: query.readsText ? repo.textlessCount(query.scope) : 0 };
}

/** The query on the main thread's own connection. */
export class InProcessSearchQueries implements SearchQueries {
  constructor(
    private readonly repo: SearchRepo,
    private readonly threadedList: ThreadedList,
    private readonly folderPage: FolderPage,
    private readonly views: UnifiedViewsRepo,
  ) {}

  run(query: SearchQuery): Promise<SearchAnswer> {
    return Promise.resolve(answerQuery(this.repo, query));
  }

  threads(query: ThreadsQuery): Promise<ThreadsAnswer> {
    return Promise.resolve(this.threadedList.page(query));
  }

  threadNeighbour(query: NeighbourQuery): Promise<NeighbourAnswer> {
    return Promise.resolve({ messageId: this.threadedList.neighbour(query) });
  }

  list(query: FolderPageQuery): Promise<ListAnswer> {
    return Promise.resolve(this.folderPage.page(query));
  }

  viewList(query: FilteredViewQuery): Promise<ViewListAnswer> {
    return Promise.resolve(this.views.filteredPage(query));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
