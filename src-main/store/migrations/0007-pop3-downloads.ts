import type { Migration } from './migration';

/**
 * POP3 accounts (issue 7). Each account says what happens to mail on the
 * server once it is downloaded (`pop3_leave`: keep, delete after
 * `pop3_delete_after_days`, delete when deleted locally, or delete at once)
 * and above which size a message is fetched with TOP only (`pop3_max_kb`).
 *
 * pop3_uidls remembers every UIDL downloaded, committed in the same
 * transaction as the message's row and source, so a UIDL held is never
 * fetched twice and nothing is deleted on the server that is not stored.
 * Its row link is cleared when the message is deleted locally (ON DELETE
 * SET NULL, in the delete's own transaction): that is what "delete from the
 * server when deleted locally" acts on, and it keeps the message from being
 * downloaded again while it stays on the server.
 */
export const pop3Downloads: Migration = {
  // This branch's next version; renumbered with the file when branches merge.
  version: 7,
  name: 'pop3-downloads',
  up: `
ALTER TABLE accounts ADD COLUMN pop3_leave TEXT NOT NULL DEFAULT 'keep'
  CHECK (pop3_leave IN ('keep', 'deleteAfterDays', 'deleteWhenDeleted', 'delete'));
ALTER TABLE accounts ADD COLUMN pop3_delete_after_days INTEGER;
ALTER TABLE accounts ADD COLUMN pop3_max_kb INTEGER;

CREATE TABLE pop3_uidls (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uidl TEXT NOT NULL,
  message_row_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  downloaded_at INTEGER NOT NULL,
  -- 1 while only the headers and first lines (TOP) are stored; the rest stays on the server.
  partial INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, uidl)
) WITHOUT ROWID;
CREATE INDEX pop3_uidls_message ON pop3_uidls(message_row_id);
`,
};
