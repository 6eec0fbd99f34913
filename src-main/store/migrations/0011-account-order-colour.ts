import type { Migration } from './migration';

/**
 * Several accounts (issue 9): the user's order of accounts and a colour per
 * account (the mark of a message's account in the unified views), and partial
 * indexes so the unified Unread and Flagged views page and count without
 * scanning every message (the Inbox view pages through each Inbox's own
 * messages_folder_date index; unread counts come from the kept folder counts).
 */
export const accountOrderColour: Migration = {
  version: 11,
  name: 'account-order-colour',
  up: `
ALTER TABLE accounts ADD COLUMN sort_order INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN colour TEXT;
UPDATE accounts SET sort_order = id;
CREATE INDEX messages_unread_date ON messages(sort_date DESC, id DESC) WHERE seen = 0;
CREATE INDEX messages_flagged_date ON messages(sort_date DESC, id DESC) WHERE flagged = 1;
`,
};
