import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { toErrorShape } from '../errors/wren-error';
import { openDatabase } from '../store/open-database';
import { SearchRepo } from '../store/search-repo';
import { FolderPage } from '../store/folder-page';
import { ThreadedList } from '../store/threaded-list';
import { UnifiedViewsRepo } from '../store/unified-views-repo';
import { portForRole } from '../workers/start-bundled-worker';
import { answerQuery } from './search-queries';
import { SEARCH_WORKER_ROLE, type FromSearchWorker, type ToSearchWorker, type WorkerAnswer } from './search-worker-protocol';

/**
 * Worker side of worker-search-queries.ts, bundled on its own as
 * dist/main/search-worker.cjs. It holds a read-only connection to the cache
 * (WAL: it reads beside the main thread's writes, seeing each committed
 * one) and answers one query at a time, so the main thread never waits on
 * FTS5, nor on arranging a large folder in threads, nor on a folder's words looked for, nor on a unified view under the quick filter. The connection opens on the first query, so a database it cannot
 * open fails that query with its code, not the worker.
 */
export function serveSearchQueries(port: MessagePort, databaseFile: string): void {
  let reads: { search: SearchRepo; threads: ThreadedList; list: FolderPage; views: UnifiedViewsRepo } | null = null;
  port.on('message', (query: ToSearchWorker) => {
    let reply: FromSearchWorker;
    try {
      if (!reads) {
        const db = openDatabase(databaseFile, { readonly: true });
        reads = { search: new SearchRepo(db), threads: new ThreadedList(db), list: new FolderPage(db), views: new UnifiedViewsRepo(db) };
      }
      reply = { id: query.id, ok: true, answer: answerOf(reads, query) };
    } catch (error) {
      reply = { id: query.id, ok: false, error: toErrorShape(error) };
    }
    port.postMessage(reply);
  });
}

function answerOf(reads: { search: SearchRepo; threads: ThreadedList; list: FolderPage; views: UnifiedViewsRepo }, query: ToSearchWorker): WorkerAnswer {
  switch (query.kind) {
    case 'threads':
      return reads.threads.page(query);
    case 'threadNeighbour':
      return { messageId: reads.threads.neighbour(query) };
    case 'list':
      return reads.list.page(query);
    case 'viewList':
      return reads.views.filteredPage(query);
    case 'search':
      return answerQuery(reads.search, query);
  }
}

const port = portForRole(SEARCH_WORKER_ROLE);
if (port) serveSearchQueries(port, (workerData as { databaseFile: string }).databaseFile);
