import type { Migration } from './migration';

/**
 * The header block of a message whose source is not cached, as the server sent it (BODY.PEEK[HEADER]) when the
 * message was first opened. The reading pane's list links, receipt request and priority, and an answer's
 * References and Reply-To, are all read from it: one fetch serves them all, and they still read offline.
 */
export const messageHeaderBlocks: Migration = {
  // Its place in MIGRATIONS.
  version: 37,
  name: 'message-header-blocks',
  up: `
CREATE TABLE message_header_blocks (
  message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  block BLOB NOT NULL
);
`,
};
