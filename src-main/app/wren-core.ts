import { join } from 'node:path';
import { AccountService } from '../accounts/account-service';
import { AccountStatusBoard } from '../accounts/account-status';
import { AccountWatcher } from '../accounts/account-watcher';
import { RemoteFolders } from '../folders/remote-folders';
import { ImapSessions } from '../imap/imap-sessions';
import type { ImapLogin } from '../imap/imap-connection';
import type { Events } from '../ipc/contract';
import { MessageReader } from '../messages/message-reader';
import { OperationsService } from '../journal/operations-service';
import { PasswordVault } from '../secrets/password-vault';
import type { SecretStore } from '../secrets/secret-store';
import { Store } from '../store/store';
import { SyncService } from '../sync/sync-service';
import { InProcessSyncRunner } from '../sync/in-process-sync-runner';
import type { SyncRunner } from '../sync/sync-runner';
import { AccountSyncLocks, type SyncLockHolder } from '../sync/account-sync-lock';
import { LeasedSyncRunner } from '../sync/leased-sync-runner';
import { WorkerSyncRunner, defaultSyncWorkerPath } from '../sync/worker-sync-runner';
import { prepareDataDir } from './data-dir';
import { EventBus } from './event-bus';

export interface CoreOptions {
  dataDir: string;
  mode: 'electron' | 'web' | 'cli';
  secrets: SecretStore;
  /** Background sync interval; 0 for the CLI, which syncs only when asked. */
  syncIntervalMs?: number;
  /** Push (IDLE) on each account's Inbox after its sync (the app); the CLI watches only when asked. */
  push?: boolean;
  /**
   * The bundled sync worker; syncs run in that thread so the main thread stays
   * responsive. Default: the one beside the bundle; null (or none built, as
   * under vitest) syncs in this thread.
   */
  syncWorkerPath?: string | null;
  /**
   * How often to look for accounts another process (the CLI) added or
   * removed. Default: every 2 s when background sync is on, never otherwise.
   */
  accountWatchMs?: number;
  /** Another process (the app, another `wren sync`) is syncing the account; this sync waits for it. */
  onSyncWait?: (accountId: number, holder: SyncLockHolder) => void;
}

const ACCOUNT_WATCH_MS = 2000;

/**
 * Everything the main process owns (database, sockets, sync), assembled once
 * and served to every front end through the contract's handlers.
 */
export class WrenCore {
  readonly events = new EventBus();
  readonly store: Store;
  readonly status: AccountStatusBoard;
  readonly accounts: AccountService;
  readonly sessions: ImapSessions;
  readonly sync: SyncService;
  readonly operations: OperationsService;
  readonly reader: MessageReader;
  readonly folders: RemoteFolders;
  private readonly watcher: AccountWatcher | null;

  private constructor(readonly options: CoreOptions, readonly dataDir: string) {
    this.store = new Store(dataDir);
    this.store.feed.onChanges((changes) => this.events.emit('store.changed', { changes }));
    this.status = new AccountStatusBoard(this.events);
    this.accounts = new AccountService(this.store, new PasswordVault(this.store.secrets, options.secrets), this.status);
    this.sessions = new ImapSessions((accountId) => this.loginFor(accountId));
    this.sync = new SyncService(this.store, this.syncRunner(), (accountId) => this.loginFor(accountId), this.status, this.events, {
      intervalMs: options.syncIntervalMs ?? 0,
      push: options.push ?? false,
    });
    this.operations = new OperationsService(this.store, (accountId) => this.sync.replaySoon(accountId));
    this.reader = new MessageReader(this.store, this.sessions, this.operations);
    this.folders = new RemoteFolders(this.store, (accountId) => this.sync.replaySoon(accountId));
    this.watcher = this.watchAccounts();
  }

  static open(options: CoreOptions): WrenCore {
    return new WrenCore(options, prepareDataDir(options.dataDir));
  }

  get databaseFile(): string {
    return join(this.dataDir, 'wren.sqlite');
  }

  async close(): Promise<void> {
    this.watcher?.stop();
    await this.sync.stop();
    this.sessions.closeAll();
    this.store.close();
  }

  private syncRunner(): SyncRunner {
    const workerPath = this.options.syncWorkerPath === undefined ? defaultSyncWorkerPath() : this.options.syncWorkerPath;
    const onNewMail = (event: Events['mail.new']) => this.events.emit('mail.new', event);
    const runner = workerPath
      ? new WorkerSyncRunner(this.dataDir, workerPath, (changes) => this.events.emit('store.changed', { changes }), onNewMail)
      : new InProcessSyncRunner(this.store, onNewMail);
    // Other processes may sync the same accounts from this data folder (the app and the CLI).
    return new LeasedSyncRunner(runner, new AccountSyncLocks(join(this.dataDir, 'sync-locks.sqlite')), this.options.onSyncWait);
  }

  private watchAccounts(): AccountWatcher | null {
    const intervalMs = this.options.accountWatchMs ?? (this.options.syncIntervalMs ? ACCOUNT_WATCH_MS : 0);
    if (!intervalMs) return null;
    return new AccountWatcher(this.store, this.events, {
      onAdded: (ids) => this.sync.start(ids, false),
      onRemoved: (ids) =>
        ids.forEach((id) => {
          this.sessions.closeAccount(id);
          this.sync.dropConnection(id);
          this.sync.unwatch(id);
          this.status.forget(id);
        }),
    }, intervalMs);
  }

  private loginFor(accountId: number): ImapLogin {
    const account = this.accounts.require(accountId);
    return {
      server: account.incoming,
      password: this.accounts.password(account),
      allowPlaintext: account.allowPlaintext,
      pin: account.trustedCertSha256 && account.trustedCertPem ? { sha256: account.trustedCertSha256, pem: account.trustedCertPem } : null,
    };
  }
}
