import type { Migration } from './migration';

/**
 * Thunderbird's "Periodically" for message filters: a filter may also run by itself over its account's Inbox every
 * few minutes (the app's setting). Since such a run meets the same messages again and again, what filters send is
 * kept in `filter_sendings` (a message sent on, forwarded or answered, to whom, by its Message-ID), so that no filter
 * sends a message to the same address twice, periodic or "Run now" alike; an account's removal takes its rows.
 */
export const filtersPeriodically: Migration = {
  // Its place in MIGRATIONS.
  version: 42,
  name: 'filters-periodically',
  up: `
ALTER TABLE message_filters ADD COLUMN periodically INTEGER NOT NULL DEFAULT 0;
CREATE TABLE filter_sendings (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('redirect', 'forward', 'reply')),
  target TEXT NOT NULL,
  message_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (account_id, message_id, kind, target)
) WITHOUT ROWID;
`,
};
