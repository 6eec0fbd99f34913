import type { Migration } from './migration';

/**
 * Each message's thread root: the first Message-ID of its References (HeaderFields.threadRoot). The
 * threaded list and the reading pane's conversation join a reply to its thread by it when the message
 * it answers is not here. Messages stored before keep null (their References were never fetched) and
 * are threaded by In-Reply-To alone, as before. Indexed partially, as in_reply_to is: a message that
 * starts its thread costs the header sync no index entry.
 */
export const messagesThreadRoot: Migration = {
  // Its place in MIGRATIONS.
  version: 30,
  name: 'messages-thread-root',
  up: `
ALTER TABLE messages ADD COLUMN thread_root TEXT;
CREATE INDEX messages_thread_root ON messages(thread_root) WHERE thread_root IS NOT NULL;
`,
};
