import type { Migration } from './migration';

/**
 * The index now also holds the last character of each Chinese, Japanese or
 * Korean run on its own (search/cjk-bigrams.ts, indexedCjkText), so a
 * one-character query finds it. Entries written before lack it: every
 * message is queued again, and the indexer rewrites them in the background
 * (nothing is unsearchable meanwhile; the old entries stay until replaced).
 */
export const searchCjkRunEnds: Migration = {
  // Its place in MIGRATIONS.
  version: 16,
  name: 'search-cjk-run-ends',
  up: `
INSERT INTO search_pending (message_id, token) SELECT id, random() % 9007199254740991 FROM messages WHERE true
  ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
`,
};
