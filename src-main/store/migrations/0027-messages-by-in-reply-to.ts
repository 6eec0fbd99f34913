import type { Migration } from './migration';

/**
 * Messages by the Message-ID they reply to: the reading pane's conversation (store/conversation-query.ts)
 * walks down from a message to its replies. Partial, so the many messages that reply to nothing cost
 * the header sync no index entry.
 */
export const messagesByInReplyTo: Migration = {
  // Its place in MIGRATIONS.
  version: 27,
  name: 'messages-by-in-reply-to',
  up: `
CREATE INDEX messages_in_reply_to ON messages(in_reply_to) WHERE in_reply_to IS NOT NULL;
`,
};
