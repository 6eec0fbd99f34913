import { DEFAULT_LIST_SORT, type ListSort } from '../ipc/contract-constants';
import { createReadStream } from 'node:fs';
import { parseSource } from '../mime/parse-source';
import { parseSourceFileInWorker, searchDocumentInWorker } from '../mime/parse-in-worker';
import type { SearchScope } from '../store/search-repo';
import type { Store } from '../store/store';
import { FolderPage, type FolderPageQuery, type NeighbourQuery } from '../store/folder-page';
import { ThreadedList, type ThreadsQuery } from '../store/threaded-list';
import type { ListAnswer, NeighbourAnswer, SearchAnswer, ThreadsAnswer, ViewListAnswer } from './search-worker-protocol';
import type { FilteredViewQuery } from '../store/unified-views-repo';
import { searchDocument } from './search-document';
import { SearchIndexer, type ParseSourceFile, type PrepareDocument } from './search-indexer';
import { InProcessSearchQueries, type SearchQueries } from './search-queries';
import { searchAskOf } from './search-query';

/**
 * The first bytes of a source are read for its text: the text parts come
 * first in nearly every message, and a 5 MB attachment after them would
 * cost its whole decoding for nothing the index keeps.
 */
export const INDEXED_SOURCE_BYTES = 128 * 1024;

/** For the sync worker (already off the main thread): parse in place, the source's head only. */
export const parseInPlace: ParseSourceFile = (path) => parseSource(createReadStream(path, { end: INDEXED_SOURCE_BYTES - 1 }));

/** For the main process: parse in the parse worker, so a big message never holds the event loop; the head only, no images. */
export const parseOffThread: ParseSourceFile = (path) => parseSourceFileInWorker(path, { headBytes: INDEXED_SOURCE_BYTES, embedInlineImages: false });

/**
 * For the main process: a cached HTML body is turned into text in the parse
 * worker (a 400 KB one took 290–770 ms with html-to-text); a message with
 * plain text only, the common case, is prepared here without the round trip.
 */
export const prepareOffThread: PrepareDocument = (entry, body) => (body?.html ? searchDocumentInWorker(entry, body) : searchDocument(entry, body));

/**
 * How long a search indexes what is waiting before it answers from the index
 * as it stands: after a large sync thousands of bodies can be waiting, and
 * the user is typing. The reply says how many were left out.
 */
export const SEARCH_INDEX_BUDGET_MS = 1000;

export interface SearchRequest extends SearchScope {
  query: string;
  offset: number;
  limit: number;
  /** Newest first unless given. */
  sort?: ListSort;
}

/**
 * `messages.search`: whatever is still waiting to be indexed is indexed
 * first (usually nothing: the sync worker indexes after each sync), for up
 * to SEARCH_INDEX_BUDGET_MS; then one FTS5 query, in the search worker
 * when there is one (see WorkerSearchQueries). `unindexed` counts the
 * messages still waiting, which the UI mentions and searches again for;
 * `textless` those whose text is not stored, and `unknownOperators` the
 * words before a colon searched as text (`foo:bar`), which the UI mentions too.
 */
export class MessageSearch {
  readonly indexer: SearchIndexer;

  constructor(
    store: Store,
    parse: ParseSourceFile = parseOffThread,
    private readonly queries: SearchQueries = new InProcessSearchQueries(store.search, new ThreadedList(store.db), new FolderPage(store.db), store.views),
  ) {
    this.indexer = new SearchIndexer(store, parse, 'newest-first', prepareOffThread);
  }

  async search(request: SearchRequest): Promise<SearchAnswer> {
    const ask = searchAskOf(request.query, Date.now());
    if (ask === null) return { total: 0, items: [], unindexed: 0, textless: 0 };
    // Operators alone read the messages' own columns, not the index: nothing waiting to be indexed changes their answer.
    if (ask.match !== null || ask.exclude !== null) await this.indexer.drainWithin(SEARCH_INDEX_BUDGET_MS);
    const { offset, limit, sort = DEFAULT_LIST_SORT } = request;
    const { unknownOperators, ...asked } = ask;
    const answer = await this.queries.run({ ...asked, scope: { accountId: request.accountId, folderId: request.folderId }, offset, limit, sort });
    return unknownOperators ? { ...answer, unknownOperators } : answer;
  }

  /**
   * How many unread messages a query finds, everywhere (a saved search's count beside its name, as Thunderbird's
   * search folders have). From the index as it stands, never waiting for it: counts follow every synced batch. A
   * query that asks for read mail has none unread.
   */
  async countUnread(query: string): Promise<number> {
    const ask = searchAskOf(query, Date.now());
    if (ask === null || ask.conditions.unread === false) return 0;
    const answer = await this.queries.run({ ...ask, conditions: { ...ask.conditions, unread: true }, scope: {}, offset: 0, limit: 0, sort: DEFAULT_LIST_SORT });
    return answer.total;
  }

  /** A page of a folder's list in threads, read where the search reads (the worker): it reads the whole folder. */
  threadedPage(query: ThreadsQuery): Promise<ThreadsAnswer> {
    return this.queries.threads(query);
  }

  /** The message beside one in its folder's list in threads, read in the worker: it arranges the whole folder. */
  threadNeighbour(query: NeighbourQuery): Promise<NeighbourAnswer> {
    return this.queries.threadNeighbour(query);
  }

  /** A page of a folder's flat list narrowed by the quick filter's words, read in the worker: it reads the whole folder. */
  listPage(query: FolderPageQuery): Promise<ListAnswer> {
    return this.queries.list(query);
  }

  /** A unified view's page under the quick filter, which reads the view's messages whole: off the main thread. */
  viewPage(query: FilteredViewQuery): Promise<ViewListAnswer> {
    return this.queries.viewList(query);
  }

  /** Stops indexing and the search worker; a search under way fails with SearchStopped. */
  async close(): Promise<void> {
    await this.indexer.stop();
    await this.queries.close();
  }
}
