import { WrenError } from '../errors/wren-error';
import { ImapSessions } from '../imap/imap-sessions';
import type { SyncSummary } from '../ipc/contract';
import type { Store } from '../store/store';
import { collectOrphanBlobs } from '../store/collect-orphan-blobs';
import { ImapSource } from './imap-source';
import { inThreadHeaderWriter, type HeaderWriter } from './header-writer';
import { InboxPush } from './inbox-push';
import { Pop3Checks } from './pop3/pop3-checks';
import { SearchIndexer } from '../search/search-indexer';
import { parseInPlace } from '../search/message-search';
import { NewMailNotices, type NewMailListener } from './new-mail';
import { replayAccount, syncAccount } from './sync-account';
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
  private readonly pushes = new Map<number, InboxPush>();
  private readonly notices: NewMailNotices;
  private readonly pop3: Pop3Checks;
  private readonly searchIndex: SearchIndexer;
  private stopping = false;

  /** `headerWriter`: where fetched headers are decoded and stored (the sync worker's second thread); here by default. */
  constructor(private readonly store: Store, onNewMail: NewMailListener = () => undefined, private readonly headerWriter: HeaderWriter = inThreadHeaderWriter(store)) {
    this.notices = new NewMailNotices(store, onNewMail);
    this.pop3 = new Pop3Checks(store);
    // Oldest first: a search in the main process indexes newest first meanwhile (see IndexOrder).
    this.searchIndex = new SearchIndexer(store, parseInPlace, 'oldest-first');
  }

  async run(job: SyncJob, onProgress: ProgressListener): Promise<SyncSummary> {
    if (this.stopping) throw stopped();
    this.logins.set(job.accountId, job.login);
    const marks = this.notices.mark(this.store.folders.list(job.accountId));
    const account = this.store.accounts.get(job.accountId);
    const pass = job.replayOnly ? replayAccount : syncAccount;
    const task = account?.protocol === 'pop3'
      ? this.pop3.check(account, job.login, onProgress)
      : this.sessions.use(job.accountId, 'sync', (client) =>
        pass(new ImapSource(client, this.store, job.accountId, this.headerWriter), this.store, job.accountId, { bodies: job.bodies, bodiesSince: job.bodiesSince, onProgress }),
      );
    this.active.add(task);
    let summary: SyncSummary;
    try {
      summary = await task;
    } catch (error) {
      throw this.stopping ? stopped() : error;
    } finally {
      this.active.delete(task);
      // Also after a failure: what was stored before it is new mail all the same.
      if (this.store.db.open) this.notices.announce(marks);
      // On the sync's thread (the worker, in the app), not awaited: the sync is done; a search indexes whatever this has not reached.
      if (!this.stopping) void this.searchIndex.drain().catch(() => undefined);
    }
    // After a sync, on the sync's thread: files of messages the server dropped go too (a replay leaves it to the next sync).
    if (!job.replayOnly) collectOrphanBlobs(this.store);
    return summary;
  }

  watch(job: SyncJob, onLost: (fault: WrenError) => void): void {
    if (this.stopping || this.pushes.has(job.accountId)) return;
    // POP3 has no push: its account is checked on the sync service's schedule.
    if (this.store.accounts.get(job.accountId)?.protocol === 'pop3') return;
    const push = new InboxPush(this.store, job.accountId, job.login, this.notices, (fault) => {
      this.pushes.delete(job.accountId);
      onLost(fault);
    });
    this.pushes.set(job.accountId, push);
    push.start().catch((error: unknown) => {
      push.stop();
      if (this.pushes.get(job.accountId) !== push) return;
      this.pushes.delete(job.accountId);
      onLost(error instanceof WrenError ? error : new WrenError('Internal', String(error)));
    });
  }

  unwatch(accountId: number): void {
    this.pushes.get(accountId)?.stop();
    this.pushes.delete(accountId);
  }

  dropConnection(accountId: number): void {
    this.sessions.closeAccount(accountId);
    this.pop3.drop(accountId);
  }

  /**
   * Stops every sync cleanly: cutting the connections ends their downloads,
   * each records what had arrived on its way out, and this waits for that.
   */
  async close(): Promise<void> {
    this.stopping = true;
    const pushes = [...this.pushes.values()];
    this.pushes.clear();
    for (const push of pushes) push.stop();
    this.sessions.closeAll();
    this.pop3.closeAll();
    await Promise.allSettled([...this.active, ...pushes.map((push) => push.idle()), this.searchIndex.stop()]);
  }
}

function stopped(): WrenError {
  return new WrenError('SyncStopped', 'The sync was stopped; what had arrived is kept.');
}
