import type { Worker } from 'node:worker_threads';
import { WrenError } from '../errors/wren-error';
import { bundledWorkerPath, startBundledWorker } from '../workers/start-bundled-worker';
import type { SearchQueries } from './search-queries';
import type { FolderPageQuery, NeighbourQuery } from '../store/folder-page';
import type { ThreadsQuery } from '../store/threaded-list';
import type { FilteredViewQuery } from '../store/unified-views-repo';
import {
  SEARCH_WORKER_ROLE, type FromSearchWorker, type ListAnswer, type NeighbourAnswer, type SearchAnswer, type SearchQuery, type ThreadsAnswer, type ToSearchWorker, type ViewListAnswer, type WorkerAnswer,
} from './search-worker-protocol';

/** Omit over each member of a union (Omit itself would merge the members into one). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Call {
  resolve(answer: WorkerAnswer): void;
  reject(error: WrenError): void;
}

/**
 * FTS5 queries in the search worker (search-worker.ts): the main thread
 * posts the query and awaits the reply, so a query over 50,000 messages
 * (hundreds of ms for a one-letter prefix) never freezes it. The worker
 * starts on first use and is unref'd while idle (it never keeps the CLI or
 * a test alive). A worker that dies fails what it held with SearchStopped;
 * the next query starts a new one.
 */
export class WorkerSearchQueries implements SearchQueries {
  private worker: Worker | null = null;
  private readonly calls = new Map<number, Call>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly databaseFile: string,
    private readonly workerPath: string,
  ) {}

  run(query: SearchQuery): Promise<SearchAnswer> {
    return this.ask({ kind: 'search', ...query }) as Promise<SearchAnswer>;
  }

  threads(query: ThreadsQuery): Promise<ThreadsAnswer> {
    return this.ask({ kind: 'threads', ...query }) as Promise<ThreadsAnswer>;
  }

  threadNeighbour(query: NeighbourQuery): Promise<NeighbourAnswer> {
    return this.ask({ kind: 'threadNeighbour', ...query }) as Promise<NeighbourAnswer>;
  }

  list(query: FolderPageQuery): Promise<ListAnswer> {
    return this.ask({ kind: 'list', ...query }) as Promise<ListAnswer>;
  }

  viewList(query: FilteredViewQuery): Promise<ViewListAnswer> {
    return this.ask({ kind: 'viewList', ...query }) as Promise<ViewListAnswer>;
  }

  private ask(query: DistributiveOmit<ToSearchWorker, 'id'>): Promise<WorkerAnswer> {
    if (this.closed) return Promise.reject(stopped('Wren is shutting down; the search was not run.'));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...query, id });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(stopped('Wren is shutting down; the search stopped.'));
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startBundledWorker<FromSearchWorker>(this.workerPath, SEARCH_WORKER_ROLE, { databaseFile: this.databaseFile }, {
      onMessage: (reply) => this.receive(reply),
      onError: (error) => console.error('[wren] the search worker crashed:', error.stack ?? error.message),
      onExit: (code) => {
        if (this.worker === worker) this.worker = null;
        this.failAll(stopped(`The search worker stopped (exit code ${code}); the next search starts a new one.`));
      },
    });
    this.worker = worker;
    return worker;
  }

  private receive(reply: FromSearchWorker): void {
    const call = this.calls.get(reply.id);
    if (!call) return;
    this.calls.delete(reply.id);
    if (reply.ok) call.resolve(reply.answer);
    else call.reject(new WrenError(reply.error.code, reply.error.message, reply.error.details));
    // An idle worker must not keep the process (CLI, tests) alive.
    if (this.calls.size === 0) this.worker?.unref();
  }

  private failAll(error: WrenError): void {
    for (const call of this.calls.values()) call.reject(error);
    this.calls.clear();
  }
}

function stopped(message: string): WrenError {
  return new WrenError('SearchStopped', message);
}

/** The bundled worker beside the bundled main code; null when running from TypeScript (tests). */
export function defaultSearchWorkerPath(): string | null {
  return bundledWorkerPath('search-worker.cjs');
}
