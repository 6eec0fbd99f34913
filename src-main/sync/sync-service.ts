import type { SyncSummary } from '../ipc/contract';
import { WrenError, isUnreachable, toWrenError } from '../errors/wren-error';
import type { AccountStatusBoard } from '../accounts/account-status';
import type { EventBus } from '../app/event-bus';
import type { ImapLogin } from '../imap/imap-connection';
import type { Store } from '../store/store';
import type { SyncJob, SyncRunner } from './sync-runner';
import { withRenewedToken } from '../accounts/oauth2/renewed-token-retry';
import { failureOutcome } from './failure-policy';

/** A push connection lost again this soon after the last loss reconnects with the backoff, not at once. */
const QUICK_RECONNECT_GAP_MS = 60_000;

export interface SyncServiceOptions {
  /** Background sync interval while online; 0 disables (CLI). */
  intervalMs: number;
  /** Push (IDLE) on every account's Inbox after its sync (the app); otherwise only for accounts asked to `watch`. */
  push?: boolean;
  /** The account's own check interval (its settings), used when background sync is on (intervalMs > 0). */
  intervalFor?: (accountId: number) => number;
  /** Which bodies a background sync downloads (the account's body download setting); none when absent. */
  bodiesFor?: (accountId: number) => { bodies: boolean; since?: number };
  /** OAuth2: a login with a renewed token after the server refused `rejected` (once per sync), or null. */
  renewLogin?: (accountId: number, rejected: string) => Promise<ImapLogin | null>;
  /** Adds to a failure what the user needs to act on it (a refused certificate: the one the server shows). */
  describeFault?: (accountId: number, fault: WrenError) => Promise<WrenError>;
  /** The user works offline (app.workOffline): a sync fails at once as WorkingOffline, without a retry. */
  workingOffline?: () => WrenError | null;
}

/**
 * Runs account syncs, at most one per account at a time, and keeps each
 * account's status: syncing, idle, offline (with the next retry), or error.
 * Nothing cached is deleted when a sync fails.
 */
export class SyncService {
  private readonly running = new Map<number, { task: Promise<SyncSummary>; replayOnly: boolean }>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly failures = new Map<number, number>();
  /** Accounts that got a journal entry while their sync was past its replay: synced again after. */
  private readonly replayAgain = new Set<number>();
  /** Accounts whose server changed while their sync may have been past the folder (syncSoon): synced again after. */
  private readonly syncAgain = new Set<number>();
  private readonly watched = new Set<number>();
  private readonly pushLostAt = new Map<number, number>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly runner: SyncRunner,
    private readonly loginFor: (accountId: number) => ImapLogin | Promise<ImapLogin>,
    private readonly status: AccountStatusBoard,
    private readonly events: EventBus,
    private readonly options: SyncServiceOptions,
  ) {}

  /** Starts syncs in the background; returns the accounts started. */
  start(accountIds: number[], bodies: boolean): number[] {
    for (const id of accountIds) this.run(id, bodies).catch(() => undefined);
    return accountIds;
  }

  /**
   * Syncs one account and waits for it (CLI); a sync already running is joined,
   * a replay running is waited for first.
   */
  run(accountId: number, bodies: boolean): Promise<SyncSummary> {
    return this.runSync(accountId, bodies, false);
  }

  /**
   * `retrying`: the backoff's own retry, or the reconnect after a lost push; only their failures move the
   * backoff on (see onFailure).
   */
  private runSync(accountId: number, bodies: boolean, retrying: boolean): Promise<SyncSummary> {
    const current = this.running.get(accountId);
    if (current && !current.replayOnly) return current.task;
    if (current) return current.task.catch(() => undefined).then(() => this.runSync(accountId, bodies, retrying));
    return this.track(accountId, false, this.runOnce(accountId, bodies, false, retrying));
  }

  /**
   * Sends the account's journal to the server without a folder pass and waits
   * for it (`wren move`, `wren flag`). A sync already running may be past its
   * own replay, and so may a replay that began before the newest entry
   * (replayAgain): this replays once more after either.
   */
  replay(accountId: number): Promise<SyncSummary> {
    const current = this.running.get(accountId);
    if (current?.replayOnly && !this.replayAgain.has(accountId)) return current.task;
    if (current) return current.task.catch(() => undefined).then(() => this.replay(accountId));
    return this.track(accountId, true, this.runOnce(accountId, false, true));
  }

  /**
   * A new operation was journaled: sends it now (a replay, not a full sync)
   * unless the account is offline, when the scheduled retry will. A sync or
   * replay already running may be past its replay, so another follows.
   */
  replaySoon(accountId: number): void {
    if (this.stopped || this.status.get(accountId).state === 'offline') return;
    if (this.running.has(accountId)) this.replayAgain.add(accountId);
    else this.replay(accountId).catch(() => undefined);
  }

  /**
   * Wren changed the server outside a sync (a Sent copy filed): a sync soon
   * shows it in the cache, unless the account is offline. One already running
   * may be past that folder, so another follows it; a burst of changes is
   * one sync after the running one, not one each.
   */
  syncSoon(accountId: number): void {
    if (this.stopped || this.status.get(accountId).state === 'offline') return;
    if (this.running.has(accountId)) this.syncAgain.add(accountId);
    else this.run(accountId, false).catch(() => undefined);
  }

  /**
   * The server could not be reached outside the sync (a message's text was asked for) while the account
   * shows as fine: a sync soon tells whether it is offline. If so, its banner and retry follow, and the
   * reading pane's "when the account is back online" comes true when it returns; without this, an account
   * checked hourly stayed "fine" for an hour. Only where syncs run in the background (not the CLI).
   */
  checkReach(accountId: number): void {
    if (!this.options.intervalMs || this.status.get(accountId).state !== 'idle') return;
    this.syncSoon(accountId);
  }

  private track(accountId: number, replayOnly: boolean, work: Promise<SyncSummary>): Promise<SyncSummary> {
    const task = work.finally(() => {
      this.running.delete(accountId);
      // Before any run that follows starts: a replay sets no status, so this alone tells the front ends its progress is over.
      this.events.emit('sync.ended', { accountId });
      this.announceFailedOperations(accountId);
      // A sync replays the journal first, so it covers a replay asked for meanwhile too.
      if (this.syncAgain.delete(accountId)) {
        this.replayAgain.delete(accountId);
        this.syncSoon(accountId);
      } else if (this.replayAgain.delete(accountId)) this.replaySoon(accountId);
    });
    this.running.set(accountId, { task, replayOnly });
    return task;
  }

  /**
   * Syncs the account, then keeps its Inbox pushed (IDLE) until stop, reconnecting
   * after a drop (`wren watch`). Resolves with the first sync's summary.
   */
  watch(accountId: number): Promise<SyncSummary> {
    this.watched.add(accountId);
    return this.run(accountId, false);
  }

  /** Ends push for the account (removed). */
  unwatch(accountId: number): void {
    this.watched.delete(accountId);
    this.runner.unwatch(accountId);
  }

  /** Cuts the account's sync connection (account removed; tests simulate a dropped line with it). */
  dropConnection(accountId: number): void {
    this.runner.dropConnection(accountId);
  }

  /**
   * Lets go of the account before it is removed or its servers change: no
   * retry or push any more, its connection cut, and its running sync (if any)
   * ended before this resolves, so nothing writes for it afterwards.
   */
  async release(accountId: number): Promise<void> {
    this.clearTimer(accountId);
    this.unwatch(accountId);
    this.runner.dropConnection(accountId);
    await this.running.get(accountId)?.task.catch(() => undefined);
    // A sync that failed on the cut line may have scheduled a retry.
    this.clearTimer(accountId);
    this.failures.delete(accountId);
    this.pushLostAt.delete(accountId);
  }

  /**
   * The account's check interval changed: an account waiting for its next
   * check waits the new interval from now (a sync under way, or an offline
   * backoff, keeps its course and picks the new interval up after).
   */
  rearm(accountId: number): void {
    if (this.stopped || !this.options.intervalMs || this.running.has(accountId) || !this.timers.has(accountId)) return;
    if (this.status.get(accountId).state !== 'idle') return;
    this.schedule(accountId, this.intervalOf(accountId));
  }

  /**
   * The machine woke from sleep (or its clock jumped as after one): connections open before are likely
   * dead without a FIN, and IDLE would notice only at its next silence timeout, minutes later. Each account
   * synced in the background is cut off and synced now, which restarts its push and ends an offline backoff
   * early; one in an error no retry helps (a refused login), or syncing already, is left alone.
   */
  wake(): void {
    if (this.stopped || !this.store.db.open) return;
    for (const { id } of this.store.accounts.list()) {
      const status = this.status.get(id);
      if (this.running.has(id) || (status.state === 'error' && status.retryAt === null)) continue;
      if (!this.options.intervalMs && !this.watched.has(id)) continue;
      this.runner.unwatch(id);
      this.runner.dropConnection(id);
      this.pushLostAt.delete(id);
      this.run(id, false).catch(() => undefined);
    }
  }

  /** When the account's next background check is due, if one is scheduled (tests, status). */
  hasTimer(accountId: number): boolean {
    return this.timers.has(accountId);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.runner.close();
  }

  /**
   * Work Offline turned on: every account's push and connection end, no sync is scheduled, and each
   * account says why (syncs asked for meanwhile fail at once as WorkingOffline, see runOnce).
   */
  goOffline(fault: WrenError): void {
    if (!this.store.db.open) return;
    for (const { id } of this.store.accounts.list()) {
      this.clearTimer(id);
      this.runner.unwatch(id);
      this.runner.dropConnection(id);
      this.failures.delete(id);
      this.pushLostAt.delete(id);
      this.status.set(id, failureOutcome(fault, 0, false).status);
    }
  }

  /** Work Offline turned off: every account is synced now (push follows each sync, as at start), or in the CLI only no longer shown offline. */
  goOnline(): void {
    if (this.stopped || !this.store.db.open) return;
    for (const { id } of this.store.accounts.list()) {
      if (this.status.get(id).error?.code === 'WorkingOffline') this.status.set(id, { state: 'idle', error: null, retryAt: null });
      if (this.options.intervalMs || this.watched.has(id)) this.run(id, false).catch(() => undefined);
    }
  }

  private async runOnce(accountId: number, bodies: boolean, replayOnly: boolean, retrying = false): Promise<SyncSummary> {
    const offline = this.options.workingOffline?.();
    if (offline) {
      this.onFailure(accountId, offline);
      throw offline;
    }
    // A replay leaves the status and the next scheduled sync alone: it is not a sync.
    if (!replayOnly) {
      this.clearTimer(accountId);
      this.status.set(accountId, { state: 'syncing', error: null, retryAt: null });
    }
    try {
      // Asked for bodies (the CLI's --bodies): all of them; otherwise what the account's setting keeps offline.
      const policy = bodies ? { bodies: true } : (this.options.bodiesFor?.(accountId) ?? { bodies: false });
      let job: SyncJob = { accountId, bodies: policy.bodies, bodiesSince: policy.since, replayOnly, login: await this.loginFor(accountId) };
      const waitingElsewhere = this.unfinishedElsewhere(accountId);
      const renew = this.options.renewLogin && ((rejected: string) => this.options.renewLogin!(accountId, rejected));
      const summary = await withRenewedToken(job.login, renew, (login) => {
        job = { ...job, login };
        return this.runner.run(job, (progress) => this.events.emit('sync.progress', progress));
      });
      this.failures.delete(accountId);
      this.replayJournaledElsewhere(accountId, waitingElsewhere);
      if (replayOnly) return summary;
      this.status.set(accountId, { state: 'idle', error: null, retryAt: null, ...(summary.warnings && { warnings: summary.warnings }), ...(summary.folderErrors && { folderErrors: summary.folderErrors }) });
      this.schedule(accountId, this.intervalOf(accountId));
      if ((this.options.push || this.watched.has(accountId)) && this.store.accounts.get(accountId)) this.runner.watch(job, (fault) => this.onPushLost(accountId, fault));
      return summary;
    } catch (error) {
      const raw = toWrenError(error);
      const fault = (await this.options.describeFault?.(accountId, raw)) ?? raw;
      this.onFailure(accountId, fault, retrying);
      throw fault;
    }
  }

  /**
   * A replay may journal work for another account (a message moved across
   * accounts is expunged from its first server once its APPEND succeeded):
   * an account given entries by this one's sync or replay is replayed now, not
   * at its next sync (one busy replays again after; an offline one is left be).
   * Only new entries count, so two accounts with entries neither can send never
   * wake each other in turn.
   */
  private replayJournaledElsewhere(accountId: number, before: Map<number, number>): void {
    for (const [id, count] of this.unfinishedElsewhere(accountId)) {
      if (count > (before.get(id) ?? 0) && this.status.get(id).state !== 'error') this.replaySoon(id);
    }
  }

  /** How many journal entries each other account has waiting. */
  private unfinishedElsewhere(accountId: number): Map<number, number> {
    if (!this.store.db.open) return new Map();
    const others = this.store.accounts.list().filter(({ id }) => id !== accountId);
    return new Map(others.map(({ id }) => [id, this.store.operations.countUnfinished(id)]));
  }

  /** Operations the server could not apply, recorded by the replay (maybe in a worker or another process). */
  private announceFailedOperations(accountId: number): void {
    if (!this.store.db.open || !this.store.accounts.get(accountId)) return;
    for (const failure of this.store.write(() => this.store.operations.takeFailures(accountId))) {
      const kind = failure.kind === 'empty' ? 'delete' : failure.kind;
      this.events.emit('operation.failed', { operationId: failure.id, accountId, kind, error: failure.error });
    }
  }

  /**
   * The push connection dropped: a sync reconnects at once (and restarts push),
   * catching up with what came meanwhile; a second drop soon after, or a fault
   * that is not the network's, takes the path of a failed sync (backoff, status).
   */
  private onPushLost(accountId: number, fault: WrenError): void {
    if (this.stopped || !this.store.accounts.get(accountId)) return;
    const now = Date.now();
    const last = this.pushLostAt.get(accountId);
    this.pushLostAt.set(accountId, now);
    if (isUnreachable(fault) && (last === undefined || now - last > QUICK_RECONNECT_GAP_MS)) {
      this.runSync(accountId, false, true).catch(() => undefined);
    } else {
      this.onFailure(accountId, fault, true);
    }
  }

  /**
   * `retrying`: the failed run was the backoff's retry or a push reconnect. Another run failing while the
   * account already fails (Sync now pressed, a replay of a change made meanwhile) tells nothing new about the
   * outage: it keeps the backoff's step instead of taking the next, or four presses of Sync now in a
   * 20-second outage put the retry 5 minutes off. A success resets the count (runOnce).
   */
  private onFailure(accountId: number, fault: WrenError, retrying = false): void {
    if (!this.store.accounts.get(accountId)) return; // removed while syncing
    // The CLI syncs only when asked, except an account it watches.
    const retries = this.options.intervalMs > 0 || this.watched.has(accountId);
    const attempt = this.failures.get(accountId) ?? 0;
    const step = retrying || attempt === 0 ? attempt : attempt - 1;
    const outcome = failureOutcome(fault, step, retries);
    if (outcome.backsOff && step === attempt) this.failures.set(accountId, attempt + 1);
    this.status.set(accountId, outcome.status);
    if (outcome.retryInMs !== null) this.schedule(accountId, outcome.retryInMs);
  }

  private intervalOf(accountId: number): number {
    if (!this.options.intervalMs && !this.watchedWithoutPush(accountId)) return 0;
    return this.options.intervalFor?.(accountId) ?? this.options.intervalMs;
  }

  /** `wren watch` on a POP3 account: no IDLE to wait on, so it is checked on its own interval instead. */
  private watchedWithoutPush(accountId: number): boolean {
    return this.watched.has(accountId) && this.store.accounts.get(accountId)?.protocol === 'pop3';
  }

  private schedule(accountId: number, delayMs: number): void {
    if (!delayMs || this.stopped) return;
    this.clearTimer(accountId);
    const timer = setTimeout(() => this.runSync(accountId, false, true).catch(() => undefined), delayMs);
    timer.unref();
    this.timers.set(accountId, timer);
  }

  private clearTimer(accountId: number): void {
    clearTimeout(this.timers.get(accountId));
    this.timers.delete(accountId);
  }
}
