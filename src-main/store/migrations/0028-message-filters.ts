import type { Migration } from './migration';

/**
 * Message filters, per account, run in position order on new mail in the Inbox and on demand. Conditions and
 * actions are JSON (checked by the contract's shapes when saved); an account's removal takes its filters.
 */
export const messageFilters: Migration = {
  // Its place in MIGRATIONS.
  version: 28,
  name: 'message-filters',
  up: `
CREATE TABLE message_filters (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  match TEXT NOT NULL CHECK (match IN ('all', 'any')),
  conditions_json TEXT NOT NULL,
  actions_json TEXT NOT NULL
);
CREATE INDEX message_filters_account ON message_filters(account_id, position);
`,
};
