import { WrenError } from '../errors/wren-error';
import { ImapSessions } from '../imap/imap-sessions';
import type { SyncSummary } from '../ipc/contract';
import type { Store } from '../store/store';
import { collectOrphanBlobs } from '../store/collect-orphan-blobs';
import { ImapSource } from './imap-source';
import { syncAccount } from './sync-account';
import type { ProgressListener, SyncJob, SyncRunner } from './sync-runner';

/** Runs syncs on the caller's thread and store; its changes reach the UI through that store's feed. */
export class InProcessSyncRunner implements SyncRunner {
  private readonly logins = new Map<number, SyncJob['login']>();
  private readonly sessions = new ImapSessions((accountId) => {
    const login = this.logins.get(accountId);
    if (!login) throw new Error(`No login for account ${accountId}`);
    return login;
  });
  private readonly active = new Set<Promise<unknown>>();
  private stopping = false;

  constructor(private readonly store: Store) {}

  async run(job: SyncJob, onProgress: ProgressListener): Promise<SyncSummary> {
    if (this.stopping) throw stopped();
    this.logins.set(job.accountId, job.login);
    const task = this.sessions.use(job.accountId, 'sync', (client) =>
      syncAccount(new ImapSource(client, this.store, job.accountId), this.store, job.accountId, { bodies: job.bodies, onProgress }),
    );
    this.active.add(task);
    let summary: SyncSummary;
    try {
      summary = await task;
    } catch (error) {
      throw this.stopping ? stopped() : error;
    } finally {
      this.active.delete(task);
    }
    // After a sync, on the sync's thread: files of messages the server dropped go too.
    collectOrphanBlobs(this.store);
    return summary;
  }

  dropConnection(accountId: number): void {
    this.sessions.closeAccount(accountId);
  }

  /**
   * Stops every sync cleanly: cutting the connections ends their downloads,
   * each records what had arrived on its way out, and this waits for that.
   */
  async close(): Promise<void> {
    this.stopping = true;
    this.sessions.closeAll();
    await Promise.allSettled([...this.active]);
  }
}

function stopped(): WrenError {
  return new WrenError('SyncStopped', 'The sync was stopped; what had arrived is kept.');
}
