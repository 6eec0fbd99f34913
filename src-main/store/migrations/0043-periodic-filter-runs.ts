import type { Migration } from './migration';

/**
 * When an account's periodic filters last ran (or their period began), so that the period goes on across a restart:
 * kept in memory only, an app restarted more often than the period (a laptop opened and closed) never ran them. An
 * account's removal takes its row.
 */
export const periodicFilterRuns: Migration = {
  // Its place in MIGRATIONS.
  version: 43,
  name: 'periodic-filter-runs',
  up: `
CREATE TABLE periodic_filter_runs (
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL
);
`,
};
