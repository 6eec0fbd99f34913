import type { Worker } from 'node:worker_threads';
import { WrenError } from '../errors/wren-error';
import type { FetchedMessage } from '../imap/imap-client';
import type { StoreChange } from '../ipc/contract';
import { BULK_WORK_LIMITS, bundledWorkerPath, startBundledWorker } from '../workers/start-bundled-worker';
import type { HeaderWriter } from './header-writer';
import { HEADER_STORE_ROLE, toWire, type FromHeaderStore, type ToHeaderStore } from './header-store-protocol';

interface Waiting {
  resolve: () => void;
  reject: (error: WrenError) => void;
}

/**
 * Hands header batches to the header-store thread (header-store-worker.ts), started at once so that
 * its bundle has loaded by the time the first batch arrives, and again after a crash.
 */
export class WorkerHeaderWriter implements HeaderWriter {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(private readonly workerPath: string, private readonly dataDir: string, private readonly onChanges: (changes: StoreChange[]) => void) {
    this.ensureWorker();
  }

  write(folderId: number, fetched: FetchedMessage[]): Promise<void> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ type: 'write', id, folderId, rows: fetched.map(toWire) } satisfies ToHeaderStore);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startBundledWorker<FromHeaderStore>(this.workerPath, HEADER_STORE_ROLE, { dataDir: this.dataDir }, {
      onMessage: (message) => this.receive(message),
      onError: (error) => this.failAll(new WrenError('Internal', `The header store thread crashed: ${error.message}`)),
      onExit: () => {
        if (this.worker === worker) this.worker = null;
        this.failAll(new WrenError('Internal', 'The header store thread stopped unexpectedly; the next sync starts a new one.'));
      },
    }, BULK_WORK_LIMITS);
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
    if (this.waiting.size === 0) this.worker?.unref();
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
