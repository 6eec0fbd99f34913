import type { Migration } from './migration';

/**
 * Thunderbird's saved searches ("Save as Search Folder"): a name and the query typed in the search box, shown among
 * the folders and run again whenever opened, so their messages are always the current ones. Not per account: the
 * search box searches every account, and so does a saved search.
 */
export const savedSearches: Migration = {
  // Its place in MIGRATIONS.
  version: 34,
  name: 'saved-searches',
  up: `
CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`,
};
