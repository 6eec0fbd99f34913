import type { Worker } from 'node:worker_threads';
import { WrenError } from '../errors/wren-error';
import type { FetchedMessage } from '../imap/imap-client';
import type { StoreChange } from '../ipc/contract';
import { bundledWorkerPath, startBundledWorker } from '../workers/start-bundled-worker';
import type { Store } from '../store/store';
import { storeHeaders, type HeaderWriter } from './header-writer';
import { HEADER_STORE_ROLE, toWire, type FromHeaderStore, type ToHeaderStore } from './header-store-protocol';

interface Waiting {
  resolve: () => void;
  reject: (error: WrenError) => void;
}

/**
 * Folders with fewer batches than this are written on the sync worker's own thread: starting the
 * header-store thread (its bundle, a V8 heap, a database connection) costs about as much as decoding
 * and storing a batch or two.
 */
export const THREAD_FROM_BATCHES = 4;

/**
 * Hands a long folder's header batches to the header-store thread (header-store-worker.ts), started
 * when the folder's batches begin (its bundle loads while the first FETCH is answered) and let go when
 * they end: its heap (some 40 MB after 10,000 headers) would otherwise stay through the bodies phase.
 */
export class WorkerHeaderWriter implements HeaderWriter {
  private worker: Worker | null = null;
  private threaded = false;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(
    private readonly workerPath: string,
    private readonly dataDir: string,
    private readonly onChanges: (changes: StoreChange[]) => void,
    /** The sync worker's own store, for a short folder's batches. */
    private readonly store: Store,
  ) {}

  begin(batches: number): void {
    this.threaded = batches >= THREAD_FROM_BATCHES;
    if (this.threaded) this.ensureWorker();
  }

  end(): void {
    this.threaded = false;
    this.letGoWhenIdle();
  }

  write(folderId: number, fetched: FetchedMessage[]): Promise<void> {
    if (!this.threaded) return Promise.resolve().then(() => storeHeaders(this.store, folderId, fetched));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ type: 'write', id, folderId, rows: fetched.map(toWire) } satisfies ToHeaderStore);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startBundledWorker<FromHeaderStore>(this.workerPath, HEADER_STORE_ROLE, { dataDir: this.dataDir }, {
      onMessage: (message) => this.receive(message),
      onError: (error) => {
        if (this.worker === worker) this.failAll(new WrenError('SyncWorkerStopped', `The header store thread crashed: ${error.message}`));
      },
      // A thread let go by end() exits with nothing waiting; the batches waiting now are a newer thread's.
      // A thread that died (out of memory, a bug) is the sync worker's own trouble: retried on the backoff as such.
      onExit: () => {
        if (this.worker !== worker) return;
        this.worker = null;
        this.failAll(new WrenError('SyncWorkerStopped', 'The header store thread stopped unexpectedly; the next sync starts a new one.'));
      },
    });
    this.worker = worker;
    return worker;
  }

  private receive(message: FromHeaderStore): void {
    if (message.type === 'changes') return this.onChanges(message.changes);
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id);
    if (message.type === 'written') waiting.resolve();
    else waiting.reject(new WrenError(message.error.code, message.error.message, message.error.details));
    if (this.waiting.size === 0) {
      this.worker?.unref();
      this.letGoWhenIdle();
    }
  }

  /**
   * Once the folder's batches are over and none is waiting, the thread closes its database and ends by
   * itself. A thread still holding a batch is kept until it answers: one that died then fails it.
   */
  private letGoWhenIdle(): void {
    const worker = this.worker;
    if (!worker || this.threaded || this.waiting.size > 0) return;
    this.worker = null;
    worker.postMessage({ type: 'close' } satisfies ToHeaderStore);
    worker.unref();
  }

  private failAll(error: WrenError): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

/** The bundled header-store worker beside the sync worker's bundle; null when running from TypeScript (tests). */
export function defaultHeaderStorePath(): string | null {
  return bundledWorkerPath('header-store-worker.cjs');
}
