import type { EventBus } from '../app/event-bus';
import type { Store } from '../store/store';
import type { OutboxRecord } from '../store/outbox-repo';
import type { MessageFilters } from './message-filters';
import { PeriodicFilters } from './periodic-filters';

export interface FilterMomentsOptions {
  /** The app (background sync, a timer): periodic runs, and a sync of the Sent folder as soon as a copy is filed. */
  background: boolean;
  periodMs(): number;
  syncSoon(accountId: number): void;
  /** Work that close waits for a little (see WrenCore's screening). */
  track(work: Promise<unknown>): void;
}

/**
 * When filters run besides new mail, and what the server says afterwards: after sending (once the Sent copy is in the
 * store), periodically over the Inbox (in the app), and a refused operation written into the Filter Log.
 */
export class FilterMoments {
  private readonly periodic: PeriodicFilters;
  /** Each account's after-sending run under way, for whoever waits for it (see afterSendingSettled). */
  private readonly afterSendingRuns = new Map<number, Promise<unknown>>();

  constructor(private readonly store: Store, private readonly filters: MessageFilters, events: EventBus, private readonly options: FilterMomentsOptions) {
    this.periodic = new PeriodicFilters(store, (inboxId) => filters.runPeriodically(inboxId), options.periodMs);
    // The app's (as its background sync): a CLI command ends long before a period does.
    if (options.background) this.periodic.start();
    events.on('operation.failed', ({ operationId, error }) => filters.noteRefused(operationId, error));
    // A sync that ended well has stored the Sent copies it found.
    events.on('account.status', ({ accountId, state }) => state === 'idle' && this.runAfterSending(accountId));
  }

  /**
   * A Sent copy filed: the filters that run after sending wait for it in the store. A POP3 account's local copy is
   * there already; an IMAP account's comes with a sync of its Sent folder: at once in the app (which shows the Sent
   * folder as it is now, as Thunderbird does), at the CLI's next sync.
   */
  sentCopyFiled(entry: OutboxRecord): void {
    this.filters.afterSending.noteSent(entry.accountId, entry.messageId);
    if (this.store.accounts.get(entry.accountId)?.protocol === 'pop3') this.runAfterSending(entry.accountId);
    else if (this.options.background) this.options.syncSoon(entry.accountId);
  }

  /**
   * Once the after-sending filters started by the account's last sync are done: a sync asked for (`sync.run`, so
   * `wren send` and `wren sync`) returns with the Sent copies filtered, their changes journaled.
   */
  async afterSendingSettled(accountId: number): Promise<void> {
    await this.afterSendingRuns.get(accountId);
  }

  /** No more periodic runs; the one running ends first. */
  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** Runs the after-sending filters on the Sent copies stored by now; a failure is logged (the queue keeps nothing it took). */
  private runAfterSending(accountId: number): void {
    const before = this.afterSendingRuns.get(accountId) ?? Promise.resolve();
    // One run at a time per account: the queue is taken at its start, so a second run finds what the first left.
    const run = before.then(() => this.filters.afterSending.runOnStoredCopies(accountId)).catch((error: unknown) => {
      console.error('[wren] after-sending filters failed:', error);
    });
    this.afterSendingRuns.set(accountId, run);
    void run.finally(() => this.afterSendingRuns.get(accountId) === run && this.afterSendingRuns.delete(accountId));
    this.options.track(run);
  }
}
