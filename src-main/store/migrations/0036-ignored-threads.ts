import type { Migration } from './migration';

/**
 * Thunderbird's Ignore Thread: the Message-IDs of an ignored thread's messages. A new message answering one
 * of them (by In-Reply-To or the first of its References) belongs to the thread, arrives read and is not
 * announced, and its own Message-ID joins them, so the replies to it are caught too. Kept by Message-ID, not
 * by row, so a message moved, expunged and fetched again, or found in another folder, is still known.
 */
export const ignoredThreads: Migration = {
  // Its place in MIGRATIONS.
  version: 36,
  name: 'ignored-threads',
  up: `
CREATE TABLE ignored_threads (
  message_id TEXT PRIMARY KEY,
  ignored_at INTEGER NOT NULL
) WITHOUT ROWID;
`,
};
