import type { Migration } from './migration';

/**
 * Messages by their Message-ID header: a search of every folder leaves out
 * the copy of a message that a server's All Mail or Starred folder shows
 * again (store/search-repo.ts), looking up the message's other copies by it.
 */
export const messagesByMessageId: Migration = {
  // Its place in MIGRATIONS.
  version: 22,
  name: 'messages-by-message-id',
  up: `
CREATE INDEX messages_message_id ON messages(message_id) WHERE message_id IS NOT NULL;
`,
};
