import type { Store } from '../../../src-main/store/store';

/** The envelope of every row queuedRow makes. */
export const ENVELOPE = { from: 'a@example.test', to: ['b@example.test'] };

/** Message n (its own Message-ID and subject) queued in `accountId`'s outbox, as Send leaves it; gives the row's id. */
export function queuedRow(store: Store, accountId: number, n: number): number {
  return store.outbox.insert({
    accountId, messageId: `<m${n}@example.test>`, blob: 'b'.repeat(64), size: 10, envelope: ENVELOPE,
    composedJson: null, subject: `m${n}`, to: ENVELOPE.to, state: 'queued', sendAt: null,
  });
}
