import type { Migration } from './migration';

/**
 * Thunderbird's "Apply filter when": each filter says whether it runs on new mail (as every filter did before:
 * the default) and after sending, on the Sent copy. `filter_sent_queue` holds the sent messages waiting for their
 * copy to be stored (an IMAP account's comes with the Sent folder's next sync), by Message-ID, so that a restart in
 * between loses none; an account's removal takes its queue.
 */
export const filtersAfterSending: Migration = {
  // Its place in MIGRATIONS.
  version: 41,
  name: 'filters-after-sending',
  up: `
ALTER TABLE message_filters ADD COLUMN on_new_mail INTEGER NOT NULL DEFAULT 1;
ALTER TABLE message_filters ADD COLUMN after_sending INTEGER NOT NULL DEFAULT 0;
CREATE TABLE filter_sent_queue (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, message_id)
) WITHOUT ROWID;
`,
};
