import type { Store } from '../store/store';
import { runsAt } from './filter-runner';

/** How often the clock looks whether an account's periodic filters are due (the period itself is minutes). */
export const PERIODIC_TICK_MS = 60_000;

/**
 * Thunderbird's "Periodically" filters: every few minutes (the app's `periodicFilterMinutes`), the filters that
 * say so run over their account's Inbox, as "Run now" would, one account after another. An account's period starts
 * when it first has such a filter, and goes on across restarts (PeriodicFilterRunsRepo): unlike Thunderbird's timer,
 * which starts again with the app, so an app restarted more often than the period never runs them. What they send
 * is never sent twice (FilterSendingsRepo), however often they meet the same message.
 */
export class PeriodicFilters {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<number[]> | null = null;

  constructor(
    private readonly store: Store,
    private readonly runOverInbox: (inboxId: number) => Promise<unknown>,
    private readonly periodMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), PERIODIC_TICK_MS);
    this.timer.unref();
  }

  /** No more ticks; the one running, if any, ends first (before the store closes under it). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** Runs the filters of the accounts whose period is over; returns those accounts. While a tick runs, the next one does nothing. */
  tick(): Promise<number[]> {
    if (this.ticking || !this.store.db.open) return Promise.resolve([]);
    this.ticking = this.runDue().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async runDue(): Promise<number[]> {
    const ran: number[] = [];
    for (const { id } of this.store.accounts.list()) {
      if (await this.runIfDue(id)) ran.push(id);
    }
    return ran;
  }

  private async runIfDue(accountId: number): Promise<boolean> {
    const now = this.now();
    const runs = this.store.periodicFilterRuns;
    if (!this.store.filters.list(accountId).some((filter) => runsAt(filter, 'periodically'))) {
      if (runs.lastRun(accountId) !== undefined) runs.forget(accountId);
      return false;
    }
    // A run dated in the future (the clock was set back) would hold the filters off that long: the period starts now.
    const last = runs.lastRun(accountId);
    if (last !== undefined && last <= now && now - last < this.periodMs()) return false;
    runs.record(accountId, now);
    const inbox = this.store.folders.list(accountId).find((folder) => folder.role === 'inbox');
    if (last === undefined || last > now || !inbox) return false;
    try {
      await this.runOverInbox(inbox.id);
    } catch (error) {
      // One account's failure (its database row gone, a full disk) leaves the others' filters to run.
      console.error(`[wren] periodic filters of account ${accountId} failed:`, error);
    }
    return true;
  }
}
