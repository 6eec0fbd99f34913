import type { Migration } from './migration';

/**
 * Thunderbird's Filter Log: what each filter did to which message, per account, newest kept (FilterLogRepo keeps
 * the latest 1,000 of an account). The filter's name, the message's sender and subject and the folders' paths are
 * kept as they were, so an entry still reads after the filter, the message or the folder is gone; what it did is
 * JSON (FilterLogAction in the contract). An account's removal takes its log.
 */
export const filterLog: Migration = {
  // Its place in MIGRATIONS.
  version: 39,
  name: 'filter-log',
  up: `
CREATE TABLE filter_log (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  filter_id INTEGER,
  filter_name TEXT NOT NULL,
  from_name TEXT NOT NULL,
  from_addr TEXT NOT NULL,
  subject TEXT NOT NULL,
  did_json TEXT NOT NULL
);
CREATE INDEX filter_log_account ON filter_log(account_id, id);
`,
};
