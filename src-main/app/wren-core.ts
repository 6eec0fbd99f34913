import { WorkOffline } from './work-offline';
import { MessageSearch } from '../search/message-search';
import { ServerTextSearch } from '../search/server-text-search';
import { WorkerSearchQueries, defaultSearchWorkerPath } from '../search/worker-search-queries';
import { join } from 'node:path';
import { AccountLogins } from '../accounts/account-logins';
import { AccountService } from '../accounts/account-service';
import { AccountStatusBoard } from '../accounts/account-status';
import type { AccountWatcher } from '../accounts/account-watcher';
import { watchForWake } from '../sync/wake-watch';
import type { DiscoveryOptions } from '../accounts/discovery/discovery-options';
import { RemoteFolders } from '../folders/remote-folders';
import { LocalFolders } from '../folders/local-folders';
import { ImapSessions } from '../imap/imap-sessions';
import type { Events } from '../ipc/contract';
import type { OutboxEntryView } from '../ipc/compose-shapes';
import { MessageReader } from '../messages/message-reader';
import { OperationsService } from '../journal/operations-service';
import { MessageFilters } from '../filters/message-filters';
import { FilterContentReader } from '../filters/filter-content';
import { FilterSending } from '../filters/filter-sending';
import { writtenLanguage } from '../settings/written-language';
import { prepareHanOrderSoon } from '../store/han-order';
import { KEPT_READINGS, preparePersonNamePinyinSoon } from '../store/person-name-pinyin';
import { alsoIn, IgnoredThreads } from '../messages/ignored-threads';
import { JunkFilter } from '../junk/junk-filter';
import { PasswordVault } from '../secrets/password-vault';
import { OAuth2Flows } from '../accounts/oauth2/oauth2-flows';
import { OAuth2Tokens } from '../accounts/oauth2/oauth2-tokens';
import type { SecretStore } from '../secrets/secret-store';
import { Store } from '../store/store';
import { SyncService } from '../sync/sync-service';
import { InProcessSyncRunner } from '../sync/in-process-sync-runner';
import type { SyncRunner } from '../sync/sync-runner';
import { AccountLeases, type LeaseHolder } from '../store/account-leases';
import { LeasedSyncRunner } from '../sync/leased-sync-runner';
import { WorkerSyncRunner, defaultSyncWorkerPath } from '../sync/worker-sync-runner';
import { SentCopySetting } from '../outbox/sent-copy-setting';
import { SettingsService } from '../settings/settings-service';
import { watchSettingsFile } from '../settings/watch-settings-file';
import { ComposeStarter } from '../compose/compose-starter';
import { DraftsService } from '../compose/drafts-service';
import { AttachmentStaging } from '../outbox/attachment-staging';
import { OutboxRunner } from '../outbox/outbox-runner';
import { OutboxService, view } from '../outbox/outbox-service';
import { SentCopies } from '../outbox/sent-copy';
import { markOriginal } from '../outbox/mark-original';
import { InProcessOutboxEngine, type OutboxEngine } from '../outbox/outbox-engine';
import { WorkerOutboxEngine, defaultOutboxWorkerPath } from '../outbox/worker-outbox-engine';
import { FilterMoments } from '../filters/filter-moments';
import { prepareDataDir } from './data-dir';
import { EventBus } from './event-bus';
import { applyAccountSettings, bodiesToKeep } from './apply-account-settings';
import { watchOtherProcesses } from './watch-other-processes';

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
  /** Set-up from the address: network steps pointed elsewhere (tests). */
  discovery?: Partial<DiscoveryOptions>;
  /** Run the outbox (send what is due, at start and when accounts come back online). Default: on. */
  outbox?: boolean;
  /**
   * The bundled outbox worker, where messages are built and sent so the main
   * thread stays responsive. Default: the one beside the bundle; null (or
   * none built, as under vitest) does that work in this thread.
   */
  outboxWorkerPath?: string | null;
  /**
   * The bundled search worker, where `messages.search` runs its FTS5 query on
   * a read-only connection of its own. Default: the one beside the bundle;
   * null (or none built, as under vitest) queries in this thread.
   */
  searchWorkerPath?: string | null;
  /** Another process (the app, another `wren sync`) is syncing the account; this sync waits for it. */
  onSyncWait?: (accountId: number, holder: LeaseHolder) => void;
  /** Another process is renewing the account's OAuth2 token; this login waits for it, then uses the new token. */
  onTokenWait?: (accountId: number, holder: LeaseHolder) => void;
}

const ACCOUNT_WATCH_MS = 2000;
/** 64 MB of 4 KB pages: the WAL only grows this far if the sync worker has not committed for a long time. */
const MAIN_THREAD_CHECKPOINT_PAGES = 16_384;
/** How long closing waits for new mail still being screened (its bodies downloaded for the junk filter). */
const SCREENING_GRACE_MS = 10_000;

/**
 * Everything the main process owns (database, sockets, sync), assembled once
 * and served to every front end through the contract's handlers.
 */
export class WrenCore {
  readonly events = new EventBus();
  readonly store: Store;
  readonly settings: SettingsService;
  readonly status: AccountStatusBoard;
  readonly accounts: AccountService;
  readonly logins: AccountLogins;
  /** Browser sign-ins (OAuth2) in progress. */
  readonly oauth2Flows = new OAuth2Flows();
  readonly sessions: ImapSessions;
  readonly workOffline: WorkOffline;
  readonly sync: SyncService;
  readonly operations: OperationsService;
  readonly filters: MessageFilters;
  readonly junk: JunkFilter;
  readonly ignoredThreads: IgnoredThreads;
  private readonly filterMoments: FilterMoments;
  readonly reader: MessageReader;
  readonly folders: RemoteFolders;
  readonly localFolders: LocalFolders;
  readonly staging: AttachmentStaging;
  readonly compose: ComposeStarter;
  readonly drafts: DraftsService;
  private readonly outboxEngine: OutboxEngine;
  readonly outbox: OutboxService;
  readonly sentCopySetting: SentCopySetting;
  readonly search: MessageSearch;
  readonly serverSearch: ServerTextSearch;
  private readonly outboxRunner: OutboxRunner;
  private readonly watcher: AccountWatcher | null;
  private readonly stopWatchingSettings: () => void;
  private stopReadingNamesAhead: () => void = () => undefined;
  /** A clock jump as after a suspend resyncs at once (the app also hears Electron's powerMonitor 'resume'). */
  private readonly stopWatchingWake: () => void;
  /** One OAuth2 token refresh per account across the processes sharing this data folder. */
  private readonly tokenLeases: AccountLeases;
  /** New mail's filters and junk filter still at work (see onNewMail), waited for by close. */
  private readonly screening = new Set<Promise<unknown>>();

  private constructor(readonly options: CoreOptions, readonly dataDir: string) {
    this.store = new Store(dataDir);
    this.settings = new SettingsService(dataDir, this.events);
    this.workOffline = new WorkOffline(() => this.settings.settings);
    this.store.feed.onChanges((changes) => this.events.emit('store.changed', { changes }));
    this.status = new AccountStatusBoard(this.events);
    const vault = new PasswordVault(this.store.secrets, options.secrets);
    this.tokenLeases = new AccountLeases(this.leasesFile, 'token');
    const tokens = new OAuth2Tokens(vault, this.tokenLeases, Date.now, options.onTokenWait);
    this.accounts = new AccountService(this.store, vault, this.status, { flows: this.oauth2Flows, tokens });
    this.logins = new AccountLogins(this.store, this.accounts, this.workOffline);
    this.sessions = new ImapSessions((accountId) => this.logins.loginFor(accountId), (accountId) => (rejected) => this.logins.renewLogin(accountId, rejected));
    this.sync = this.createSync();
    this.stopWatchingWake = watchForWake(() => this.sync.wake());
    this.events.on('settings.changed', ({ settings, previous }) => applyAccountSettings(this.sync, settings, previous));
    this.operations = new OperationsService(this.store, (accountId) => this.sync.replaySoon(accountId), {
      archiveGranularity: (accountId) => this.settings.forAccount(accountId).archiveGranularity,
    });
    this.reader = new MessageReader(this.store, this.sessions, this.operations, (accountId) => this.logins.loginFor(accountId), (accountId) => this.sync.checkReach(accountId));
    this.operations.cacheSource = (messageId) => this.reader.cachedSource(messageId);
    const sendOn = new FilterSending(this.store, this.reader, {
      outbox: () => this.outbox, compose: () => this.compose, language: () => writtenLanguage(this.settings.settings.app.language),
    });
    this.filters = new MessageFilters(
      this.store, (operation) => this.operations.apply(operation), sendOn, new FilterContentReader(this.store, this.reader),
      (turnedOff) => this.events.emit('filters.turnedOff', turnedOff),
    );
    this.filterMoments = new FilterMoments(this.store, this.filters, this.events, {
      background: Boolean(this.options.syncIntervalMs), periodMs: () => this.settings.settings.app.periodicFilterMinutes * 60_000,
      syncSoon: (accountId) => this.sync.syncSoon(accountId), track: (work) => this.track(work),
    });
    this.ignoredThreads = new IgnoredThreads(this.store, (operation) => this.operations.apply(operation), (change) => this.events.emit('thread.ignored', change));
    this.junk = new JunkFilter(this.store, (operation) => this.operations.apply(operation), (id) => this.reader.read(id, { markSeen: false }), () => this.settings.settings.app.junkFilter);
    this.localFolders = new LocalFolders(this.store);
    this.search = this.createSearch();
    this.serverSearch = new ServerTextSearch(this.store, this.sessions);
    this.folders = new RemoteFolders(this.store, (accountId) => this.sync.replaySoon(accountId));
    this.staging = new AttachmentStaging(dataDir);
    this.compose = new ComposeStarter(this.store, this.accounts, this.reader, this.staging, (accountId) => this.settings.forAccount(accountId).replyPosition);
    this.drafts = new DraftsService(this.store, this.accounts, this.sessions, this.operations, this.staging);
    this.outboxEngine = this.createOutboxEngine();
    this.sentCopySetting = new SentCopySetting(this.settings);
    this.sentCopySetting.carryOverFrom(this.store);
    this.outboxRunner = this.createOutboxRunner();
    const outboxChanges = (listener: (outboxId: number) => void) => this.events.on('outbox.changed', ({ entry }) => listener(entry.id));
    this.outbox = new OutboxService(this.store, this.staging, this.outboxEngine, this.outboxRunner, (entry, removed) => this.announceOutbox(entry, removed), outboxChanges);
    this.sendWhatWaitsWhenBack();
    this.events.on('settings.changed', ({ settings, previous }) => this.workOffline.apply(settings, previous, {
      sync: this.sync, sessions: this.sessions, sendWhatWaits: () => this.sendWhatWaitsNow(),
    }));
    this.watcher = this.watchAccounts();
    // The app (not a CLI command that is done in a moment) orders the Han characters and loads the readings of
    // names soon: see prepareHanOrderSoon and preparePersonNamePinyinSoon.
    if (this.watcher) {
      prepareHanOrderSoon();
      this.stopReadingNamesAhead = preparePersonNamePinyinSoon(() => this.store.addressBook.names(KEPT_READINGS));
    }
    // The CLI (`wren settings set`) may change the file under a running app.
    this.stopWatchingSettings = this.watcher ? watchSettingsFile(this.settings) : () => undefined;
  }

  static open(options: CoreOptions): WrenCore {
    return new WrenCore(options, prepareDataDir(options.dataDir));
  }

  get databaseFile(): string {
    return join(this.dataDir, 'wren.sqlite');
  }

  /** The sync and token leases, apart from the database so renewing one never waits behind a write batch. */
  get leasesFile(): string {
    return join(this.dataDir, 'sync-locks.sqlite');
  }

  async close(): Promise<void> {
    this.watcher?.stop();
    await this.filterMoments.stop();
    this.oauth2Flows.closeAll();
    this.stopWatchingSettings();
    this.stopReadingNamesAhead();
    this.stopWatchingWake();
    await this.outboxRunner.stop();
    await this.outboxEngine.closeAll();
    await this.staging.settled();
    await this.sync.stop();
    // New mail being screened (a CLI sync ends right after storing it): its filters' and junk marks are written
    // first, so they are not lost with the process; a screen stuck on the network is not waited for long.
    await Promise.race([Promise.allSettled([...this.screening]), new Promise((resolve) => setTimeout(resolve, SCREENING_GRACE_MS).unref())]);
    await this.search.close();
    this.sessions.closeAll();
    this.tokenLeases.close();
    this.store.close();
  }

  private createSync(): SyncService {
    return new SyncService(this.store, this.syncRunner(), (accountId) => this.logins.loginFor(accountId), this.status, this.events, {
      renewLogin: (accountId, rejected) => this.logins.renewLogin(accountId, rejected),
      intervalMs: this.options.syncIntervalMs ?? 0,
      push: this.options.push ?? false,
      intervalFor: (accountId) => this.settings.forAccount(accountId).checkIntervalMinutes * 60_000,
      bodiesFor: (accountId) => bodiesToKeep(this.settings.forAccount(accountId).bodyDownload, Date.now()),
      describeFault: (accountId, fault) => this.logins.describeFault(accountId, fault),
      workingOffline: () => this.workOffline.fault(),
    });
  }

  private createOutboxRunner(): OutboxRunner {
    return new OutboxRunner(this.store, this.outboxEngine, new SentCopies(this.store, this.sessions), {
      changed: (entry, removed) => this.announceOutbox(entry, removed),
      sent: (entry) => markOriginal(this, this.store.outbox.sentFollowUpOf(entry.id)),
      keepsSentCopy: (accountId) => this.sentCopySetting.keeps(accountId),
      serverFilesSentMail: (accountId) => this.sentCopySetting.set(accountId, false),
      inSentFolder: (entry) => this.filterMoments.sentCopyFiled(entry),
    });
  }

  /** The after-sending filters the account's last sync started, once done (see FilterMoments.afterSendingSettled). */
  afterSendingSettled(accountId: number): Promise<void> {
    return this.filterMoments.afterSendingSettled(accountId);
  }

  /** Work that close waits for a little: new mail being screened, after-sending filters. */
  private track(work: Promise<unknown>): void {
    // Nobody awaits this work but close: a failure in it is logged, never left to end the process (the CLI's would).
    const settled = work.catch((error: unknown) => console.error('[wren] work on new mail failed:', error));
    this.screening.add(settled);
    void settled.finally(() => this.screening.delete(settled));
  }

  private announceOutbox(entry: OutboxEntryView, removed: boolean): void {
    this.events.emit('outbox.changed', { entry: view(entry), removed });
  }

  /** Back online by the user's hand: what waits in the outboxes goes now, held back by a backoff or not (the app's syncs flush the drafts). */
  private sendWhatWaitsNow(): void {
    if (this.options.outbox ?? true) void this.outboxRunner.flush().catch(() => undefined);
  }

  /** Drafts saved and messages queued while an account was offline go once it is reachable again (and queued mail now). */
  private sendWhatWaitsWhenBack(): void {
    const sending = this.options.outbox ?? true;
    this.events.on('account.status', ({ accountId, state }) => {
      if (state !== 'idle') return;
      void this.drafts.flush(accountId).catch(() => undefined);
      if (sending) void this.outboxRunner.kick(accountId, true);
    });
    if (sending) this.outboxRunner.kickAll();
  }

  private syncRunner(): SyncRunner {
    const workerPath = this.options.syncWorkerPath === undefined ? defaultSyncWorkerPath() : this.options.syncWorkerPath;
    // The Inbox's filters see new mail, then the junk filter; what they file away is not announced (see their screen()).
    const onNewMail = (event: Events['mail.new']) => {
      // Ignored threads first, on everything new: their mail is marked read even when a filter files it away.
      const screening = this.ignoredThreads.screen(event)
        .then((left) => this.filters.screen(event).then((filtered) => filtered && left && alsoIn(filtered, left)))
        .then((left) => left && this.junk.screen(left))
        .then((left) => left && this.events.emit('mail.new', left));
      this.track(screening);
    };
    // A checkpoint copies the WAL into the database and fsyncs both, and SQLite runs it in the commit that
    // finds the WAL over its threshold: after a sync, that was often the next click's flag change, held up
    // for tens of ms. With a sync worker, its connection checkpoints (it commits after every sync and
    // replay); the main thread's own threshold is far above what it writes between two of them.
    if (workerPath) this.store.db.pragma(`wal_autocheckpoint = ${MAIN_THREAD_CHECKPOINT_PAGES}`);
    const runner = workerPath
      ? new WorkerSyncRunner(this.dataDir, workerPath, (changes) => this.events.emit('store.changed', { changes }), onNewMail)
      : new InProcessSyncRunner(this.store, onNewMail);
    // Other processes may sync the same accounts from this data folder (the app and the CLI).
    return new LeasedSyncRunner(runner, new AccountLeases(this.leasesFile, 'sync'), this.options.onSyncWait);
  }

  private createSearch(): MessageSearch {
    const workerPath = this.options.searchWorkerPath === undefined ? defaultSearchWorkerPath() : this.options.searchWorkerPath;
    return new MessageSearch(this.store, undefined, workerPath ? new WorkerSearchQueries(this.databaseFile, workerPath) : undefined);
  }

  private createOutboxEngine(): OutboxEngine {
    const workerPath = this.options.outboxWorkerPath === undefined ? defaultOutboxWorkerPath() : this.options.outboxWorkerPath;
    const loginFor = (accountId: number) => this.logins.smtpLoginFor(accountId);
    const renewLogin = (accountId: number) => (rejected: string) => this.logins.renewSmtpLogin(accountId, rejected);
    return workerPath
      ? new WorkerOutboxEngine(this.dataDir, workerPath, loginFor, renewLogin)
      : new InProcessOutboxEngine(this.store, this.staging, loginFor, renewLogin);
  }

  private watchAccounts(): AccountWatcher | null {
    const intervalMs = this.options.accountWatchMs ?? (this.options.syncIntervalMs ? ACCOUNT_WATCH_MS : 0);
    return watchOtherProcesses(this, { intervalMs, syncAdded: Boolean(this.options.syncIntervalMs) });
  }
}
