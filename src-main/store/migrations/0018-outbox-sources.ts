import type { Migration } from './migration';

/**
 * The bytes of a small outbox message (built in memory, up to 1 MB), kept in
 * the database beside its row instead of in a blob file: written in the
 * transaction that queues the row (a file would cost a create, a rename and
 * two flushes per message, the larger part of queueing a burst), and gone
 * with the row. Larger messages (a big attachment, a raw message) still
 * stream into a blob file; `outbox.blob` names the content either way.
 */
export const outboxSources: Migration = {
  // Its place in MIGRATIONS.
  version: 18,
  name: 'outbox-sources',
  up: `
CREATE TABLE outbox_sources (
  outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id) ON DELETE CASCADE,
  content BLOB NOT NULL
);
`,
};
