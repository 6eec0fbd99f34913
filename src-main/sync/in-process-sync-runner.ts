import { ImapSessions } from '../imap/imap-sessions';
import type { Store } from '../store/store';
import { collectOrphanBlobs } from '../store/collect-orphan-blobs';
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

  constructor(private readonly store: Store) {}

  async run(job: SyncJob, onProgress: ProgressListener) {
    this.logins.set(job.accountId, job.login);
    const summary = await this.sessions.use(job.accountId, 'sync', (client) =>
      syncAccount(client, this.store, job.accountId, { bodies: job.bodies, onProgress }),
    );
    // After a sync, on the sync's thread: files of messages the server dropped go too.
    collectOrphanBlobs(this.store);
    return summary;
  }

  dropConnection(accountId: number): void {
    this.sessions.closeAccount(accountId);
  }

  async close(): Promise<void> {
    this.sessions.closeAll();
  }
}
