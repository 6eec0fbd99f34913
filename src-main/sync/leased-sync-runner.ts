import type { WrenError } from '../errors/wren-error';
import type { SyncSummary } from '../ipc/contract';
import type { AccountLeases, LeaseHolder } from '../store/account-leases';
import type { ProgressListener, SyncJob, SyncRunner } from './sync-runner';

/**
 * A runner that first takes the account's inter-process sync lease: a second
 * process syncing the same account waits for the first, then finds only what
 * arrived meanwhile instead of downloading everything again.
 */
export class LeasedSyncRunner implements SyncRunner {
  constructor(
    private readonly inner: SyncRunner,
    private readonly locks: AccountLeases,
    /** Told once when a sync has to wait, so a front end can say why nothing moves. */
    private readonly onWait?: (accountId: number, holder: LeaseHolder) => void,
  ) {}

  async run(job: SyncJob, onProgress: ProgressListener): Promise<SyncSummary> {
    const lease = await this.locks.acquire(job.accountId, (holder) => this.onWait?.(job.accountId, holder));
    try {
      const summary = await this.inner.run(job, onProgress);
      return lease.waited ? { ...summary, waitedForOtherSync: true } : summary;
    } finally {
      lease.release();
    }
  }

  dropConnection(accountId: number): void {
    this.inner.dropConnection(accountId);
  }

  /** Push only reads the Inbox and stores what is new; like reading a message, it needs no lease. */
  watch(job: SyncJob, onLost: (fault: WrenError) => void): void {
    this.inner.watch(job, onLost);
  }

  unwatch(accountId: number): void {
    this.inner.unwatch(accountId);
  }

  async close(): Promise<void> {
    await this.inner.close();
    this.locks.close();
  }
}
