import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { toErrorShape } from '../errors/wren-error';
import { openDatabase } from '../store/open-database';
import { SearchRepo } from '../store/search-repo';
import { FolderPage } from '../store/folder-page';
import { ThreadedList } from '../store/threaded-list';
import { portForRole } from '../workers/start-bundled-worker';
import { answerQuery } from './search-queries';
import { SEARCH_WORKER_ROLE, type FromSearchWorker, type ToSearchWorker } from './search-worker-protocol';

/**
 * Worker side of worker-search-queries.ts, bundled on its own as
 * dist/main/search-worker.cjs. It holds a read-only connection to the cache
 * (WAL: it reads beside the main thread's writes, seeing each committed
 * one) and answers one query at a time, so the main thread never waits on
 * FTS5, nor on arranging a large folder in threads, nor on a folder's words looked for. The connection opens on the first query, so a database it cannot
 * open fails that query with its code, not the worker.
 */
export function serveSearchQueries(port: MessagePort, databaseFile: string): void {
  let reads: { search: SearchRepo; threads: ThreadedList; list: FolderPage } | null = null;
  port.on('message', (query: ToSearchWorker) => {
    let reply: FromSearchWorker;
    try {
      if (!reads) {
        const db = openDatabase(databaseFile, { readonly: true });
        reads = { search: new SearchRepo(db), threads: new ThreadedList(db), list: new FolderPage(db) };
      }
      const answer = query.kind === 'threads' ? reads.threads.page(query) : query.kind === 'list' ? reads.list.page(query) : answerQuery(reads.search, query);
      reply = { id: query.id, ok: true, answer };
    } catch (error) {
      reply = { id: query.id, ok: false, error: toErrorShape(error) };
    }
    port.postMessage(reply);
  });
}

const port = portForRole(SEARCH_WORKER_ROLE);
if (port) serveSearchQueries(port, (workerData as { databaseFile: string }).databaseFile);
