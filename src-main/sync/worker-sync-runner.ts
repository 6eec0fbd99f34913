import type { Worker } from 'node:worker_threads';
import { WrenError } from '../errors/wren-error';
import type { StoreChange, SyncSummary } from '../ipc/contract';
import type { NewMailListener } from './new-mail';
import type { ProgressListener, SyncJob, SyncRunner } from './sync-runner';
import { bundledWorkerPath, startBundledWorker, type WorkerListeners } from '../workers/start-bundled-worker';
import { takeEarlySyncWorker } from './early-sync-worker';
import { SYNC_WORKER_ROLE, type FromSyncWorker, type ToSyncWorker } from './sync-worker-protocol';

/** How long quitting waits for a sync to record what it has; a flush and a commit take far less. */
const STOP_GRACE_MS = 10_000;

interface RunningJob {
  accountId: number;
  onProgress: ProgressListener;
  resolve: (summary: SyncSummary) => void;
  reject: (error: WrenError) => void;
}

/**
 * Runs syncs in one worker thread (started on first use, restarted after a
 * crash) and relays its progress and store changes to the main thread.
 */
export class WorkerSyncRunner implements SyncRunner {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, RunningJob>();
  /** Accounts with push on, and whom to tell when it is lost. */
  private readonly watchers = new Map<number, (fault: WrenError) => void>();
  private nextId = 1;
  private onStopped: (() => void) | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly workerPath: string,
    private readonly onChanges: (changes: StoreChange[]) => void,
    private readonly onNewMail: NewMailListener = () => undefined,
  ) {}

  run(job: SyncJob, onProgress: ProgressListener): Promise<SyncSummary> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { accountId: job.accountId, onProgress, resolve, reject });
      worker.ref();
      worker.postMessage({ type: 'run', id, job });
    });
  }

  dropConnection(accountId: number): void {
    this.worker?.postMessage({ type: 'drop', accountId } satisfies ToSyncWorker);
  }

  watch(job: SyncJob, onLost: (fault: WrenError) => void): void {
    if (this.watchers.has(job.accountId)) return;
    const worker = this.ensureWorker();
    this.watchers.set(job.accountId, onLost);
    worker.ref(); // push keeps a front end (wren watch) alive while nothing else runs
    worker.postMessage({ type: 'watch', job } satisfies ToSyncWorker);
  }

  unwatch(accountId: number): void {
    if (!this.watchers.delete(accountId)) return;
    this.worker?.postMessage({ type: 'unwatch', accountId } satisfies ToSyncWorker);
    this.unrefWhenIdle();
  }

  /**
   * Asks the worker to stop its syncs cleanly (each records what had arrived)
   * and waits for that, at most STOP_GRACE_MS, before ending the thread.
   */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker && this.jobs.size > 0) {
      const stopped = new Promise<void>((resolve) => {
        this.onStopped = resolve;
        setTimeout(resolve, STOP_GRACE_MS).unref();
      });
      worker.postMessage({ type: 'stop' } satisfies ToSyncWorker);
      await stopped;
    }
    this.watchers.clear();
    this.failAll(new WrenError('SyncStopped', 'Wren is shutting down; the sync stopped.'));
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // An uncaught error ends the thread: its words go to the watches too (they end at the exit), and to the log.
    let crash: WrenError | null = null;
    const listeners: WorkerListeners<FromSyncWorker> = {
      onMessage: (message) => this.receive(message),
      onError: (error) => {
        crash = new WrenError('SyncWorkerStopped', `The sync worker crashed: ${error.message}`);
        console.error('[wren] the sync worker crashed:', error.stack ?? error.message);
        this.failAll(crash);
      },
      onExit: () => {
        if (this.worker === worker) this.worker = null;
        this.onStopped?.(); // a worker that is gone has nothing left to stop
        const fault = crash ?? new WrenError('SyncWorkerStopped', 'The sync worker stopped unexpectedly; the next sync starts a new one.');
        this.failAll(fault);
        this.loseAll(fault);
      },
    };
    const worker = takeEarlySyncWorker(this.workerPath, this.dataDir, listeners)
      ?? startBundledWorker<FromSyncWorker>(this.workerPath, SYNC_WORKER_ROLE, { dataDir: this.dataDir }, listeners);
    this.worker = worker;
    return worker;
  }

  private receive(message: FromSyncWorker): void {
    if (message.type === 'changes') return this.onChanges(message.changes);
    if (message.type === 'stopped') return this.onStopped?.();
    if (message.type === 'mailNew') return this.onNewMail(message.event);
    if (message.type === 'watchLost') return this.lose(message.accountId, new WrenError(message.error.code, message.error.message, message.error.details));
    if (message.type === 'progress') {
      for (const job of this.jobs.values()) if (job.accountId === message.progress.accountId) job.onProgress(message.progress);
      return;
    }
    const job = this.jobs.get(message.id);
    if (!job) return;
    this.jobs.delete(message.id);
    if (message.type === 'done') job.resolve(message.summary);
    else job.reject(new WrenError(message.error.code, message.error.message, message.error.details));
    this.unrefWhenIdle();
  }

  /** An idle worker must not keep the process (CLI, tests) alive. */
  private unrefWhenIdle(): void {
    if (this.jobs.size === 0 && this.watchers.size === 0) this.worker?.unref();
  }

  private lose(accountId: number, fault: WrenError): void {
    const onLost = this.watchers.get(accountId);
    this.watchers.delete(accountId);
    this.unrefWhenIdle();
    onLost?.(fault);
  }

  private loseAll(fault: WrenError): void {
    for (const accountId of [...this.watchers.keys()]) this.lose(accountId, fault);
  }

  private failAll(error: WrenError): void {
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}

/** The bundled worker beside the bundled main code; null when running from TypeScript (tests). */
export function defaultSyncWorkerPath(): string | null {
  return bundledWorkerPath('sync-worker.cjs');
}
