import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startBundledWorker, type WorkerListeners } from '../workers/start-bundled-worker';
import { SYNC_WORKER_ROLE, type FromSyncWorker } from './sync-worker-protocol';

interface EarlyWorker {
  workerPath: string;
  dataDir: string;
  worker: Worker;
  /** Where its events go once a runner takes it; until then they wait here. */
  listeners: WorkerListeners<FromSyncWorker> | null;
  pending: Array<(listeners: WorkerListeners<FromSyncWorker>) => void>;
}

let early: EarlyWorker | null = null;

/**
 * Starts the sync worker before the rest of the front end has loaded (`wren sync`): the worker loads
 * its bundle on the other core meanwhile, instead of after. The worker opens the database only when
 * its first job comes (sync-worker.ts), so it never races the main thread's migrations.
 */
export function startSyncWorkerEarly(workerPath: string, dataDir: string): void {
  if (early) return;
  const waiting: EarlyWorker = { workerPath, dataDir: resolve(dataDir), worker: null as unknown as Worker, listeners: null, pending: [] };
  const relay = (deliver: (listeners: WorkerListeners<FromSyncWorker>) => void) => {
    if (waiting.listeners) deliver(waiting.listeners);
    else waiting.pending.push(deliver);
  };
  waiting.worker = startBundledWorker<FromSyncWorker>(workerPath, SYNC_WORKER_ROLE, { dataDir: waiting.dataDir }, {
    onMessage: (message) => relay((l) => l.onMessage(message)),
    onError: (error) => relay((l) => l.onError(error)),
    onExit: (code) => relay((l) => l.onExit(code)),
  });
  early = waiting;
}

/** The worker started early for this data folder and script, now wired to `listeners`; null when there is none. */
export function takeEarlySyncWorker(workerPath: string, dataDir: string, listeners: WorkerListeners<FromSyncWorker>): Worker | null {
  const taken = early;
  if (!taken) return null;
  early = null;
  if (taken.dataDir !== resolve(dataDir) || taken.workerPath !== workerPath) {
    void taken.worker.terminate();
    return null;
  }
  // What came before (an early crash, say) reaches the runner once it holds the worker, not while it takes it.
  queueMicrotask(() => {
    taken.listeners = listeners;
    for (const deliver of taken.pending.splice(0)) deliver(listeners);
  });
  return taken.worker;
}
