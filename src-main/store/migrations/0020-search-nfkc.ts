import type { Migration } from './migration';

/**
 * The index now holds text in NFKC (search/search-form.ts), so `2026` finds
 * a full-width `２０２６` and `カレー` a half-width `ｶﾚｰ`. Entries written
 * before hold the text as it came: every message is queued again, and the
 * indexer rewrites them in the background (the old entries answer meanwhile).
 */
export const searchNfkc: Migration = {
  // Its place in MIGRATIONS.
  version: 20,
  name: 'search-nfkc',
  up: `
INSERT INTO search_pending (message_id, token) SELECT id, random() % 9007199254740991 FROM messages WHERE true
  ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
`,
};
