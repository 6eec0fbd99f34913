import type { ErrorShape } from '../errors/error-codes';
import type { Events, StoreChange, SyncSummary } from '../ipc/contract';
import type { SyncJob } from './sync-runner';

/** Messages between the main thread and the sync worker (structured-cloned, so plain data only). */
export type ToSyncWorker =
  | { type: 'run'; id: number; job: SyncJob }
  | { type: 'drop'; accountId: number }
  | { type: 'watch'; job: SyncJob }
  | { type: 'unwatch'; accountId: number }
  /** Stop every sync, keeping what has arrived; answered with 'stopped'. */
  | { type: 'stop' };

export type FromSyncWorker =
  | { type: 'progress'; progress: Events['sync.progress'] }
  | { type: 'changes'; changes: StoreChange[] }
  | { type: 'mailNew'; event: Events['mail.new'] }
  | { type: 'watchLost'; accountId: number; error: ErrorShape }
  | { type: 'done'; id: number; summary: SyncSummary }
  | { type: 'failed'; id: number; error: ErrorShape }
  | { type: 'stopped' };

/** Marks the bundled file as the sync worker, so it refuses to run as anything else. */
export const SYNC_WORKER_ROLE = 'wren-sync-worker';
