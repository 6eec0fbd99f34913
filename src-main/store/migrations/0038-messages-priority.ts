import type { Migration } from './migration';

/**
 * Each message's priority as the list shows it (X-Priority, Importance: 1 high, 0 normal, -1 low;
 * mime/message-priority.ts). The header sync fetches those two fields now; messages stored before read
 * as normal in the list until fetched again (the reading pane reads the header itself, and is right).
 */
export const messagesPriority: Migration = {
  // Its place in MIGRATIONS.
  version: 38,
  name: 'messages-priority',
  up: `
ALTER TABLE messages ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
`,
};
