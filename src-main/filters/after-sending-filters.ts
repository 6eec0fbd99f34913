import type { FilterRunResult } from '../ipc/filter-shapes';
import type { Store } from '../store/store';
import { runsAt } from './filter-runner';

/** How long a sent message waits for its Sent copy to be stored before its filters give it up (the copy deleted first, say). */
export const SENT_COPY_WAIT_MS = 7 * 24 * 60 * 60_000;

/**
 * Thunderbird's "After Sending" filters: they run on the Sent copy of what the account sent. The outbox notes each
 * message whose copy it filed (or found filed by the server); the filters run once that copy is in the store: an IMAP
 * account's after the Sent folder's next sync, a POP3 account's local copy at once. The note is durable, so a
 * restart in between loses none, and taken before the filters run, so a crash in the middle never runs them twice
 * (a forward or a reply sent twice would be worse than a move left undone).
 */
export class AfterSendingFilters {
  constructor(
    private readonly store: Store,
    private readonly run: (accountId: number, messageIds: number[]) => Promise<FilterRunResult>,
  ) {}

  /** The message's Sent copy was filed: noted only when some filter of the account runs after sending. */
  noteSent(accountId: number, messageId: string, now = Date.now()): void {
    if (!this.store.filters.list(accountId).some((filter) => runsAt(filter, 'afterSending'))) return;
    this.store.write(() => this.store.filterSentQueue.add(accountId, messageId, now));
  }

  /** Runs the filters on the Sent copies stored by now; returns how many copies they ran on. */
  async runOnStoredCopies(accountId: number, now = Date.now()): Promise<number> {
    const waiting = this.store.filterSentQueue.list(accountId);
    if (waiting.length === 0) return 0;
    const copies = this.store.filters.sentCopies(accountId, waiting.map((sent) => sent.messageId));
    const givenUp = waiting.filter((sent) => !copies.has(sent.messageId) && now - sent.sentAt > SENT_COPY_WAIT_MS).map((sent) => sent.messageId);
    this.store.write(() => this.store.filterSentQueue.remove(accountId, [...copies.keys(), ...givenUp]));
    if (copies.size > 0) await this.run(accountId, [...copies.values()]);
    return copies.size;
  }
}
