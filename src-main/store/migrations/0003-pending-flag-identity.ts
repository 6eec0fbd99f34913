import type { Migration } from './migration';

/**
 * A queued flag change names its message the way the server does (folder,
 * UIDVALIDITY, UID) plus by its Message-ID, instead of only by the cached
 * row: a UID means nothing under another UIDVALIDITY, and the cached rows of
 * a renumbered folder are dropped and fetched again. The change now outlives
 * its row (message_id becomes NULL) and goes with its folder, so the push can
 * match it again by Message-ID. Changes of rows without UID could never be
 * sent and are dropped.
 */
export const pendingFlagIdentity: Migration = {
  version: 3,
  name: 'pending-flag-identity',
  up: `
CREATE TABLE pending_flag_changes_v3 (
  id INTEGER PRIMARY KEY,
  -- The cached row while it exists: only the latest wish per row and flag is kept.
  message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
  uidvalidity INTEGER,
  uid INTEGER NOT NULL,
  -- The Message-ID header, <...>, to find the message again after a renumbering.
  message_id_header TEXT,
  flag TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value IN (0, 1)),
  created_at INTEGER NOT NULL
);
INSERT INTO pending_flag_changes_v3 (id, message_id, folder_id, uidvalidity, uid, message_id_header, flag, value, created_at)
  SELECT p.id, p.message_id, m.folder_id, f.uidvalidity, m.uid, m.message_id, p.flag, p.value, p.created_at
  FROM pending_flag_changes p JOIN messages m ON m.id = p.message_id JOIN folders f ON f.id = m.folder_id
  WHERE m.uid IS NOT NULL;
DROP TABLE pending_flag_changes;
ALTER TABLE pending_flag_changes_v3 RENAME TO pending_flag_changes;
CREATE INDEX pending_flag_changes_message ON pending_flag_changes(message_id);
CREATE INDEX pending_flag_changes_folder ON pending_flag_changes(folder_id);
`,
};
