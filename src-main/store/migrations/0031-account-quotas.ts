import type { Migration } from './migration';

/**
 * Each account's quota on its server, as the last sync read it (AccountQuota): one row per account
 * whose server sets one, none otherwise. Apart from `accounts`, whose rows hold settings the user
 * edits, so a sync's reading never rewrites them. Storage in bytes; a null pair is no limit on it.
 */
export const accountQuotas: Migration = {
  // Its place in MIGRATIONS.
  version: 31,
  name: 'account-quotas',
  up: `
CREATE TABLE account_quotas (
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  storage_used INTEGER,
  storage_limit INTEGER,
  messages_used INTEGER,
  messages_limit INTEGER,
  checked_at INTEGER NOT NULL
);
`,
};
