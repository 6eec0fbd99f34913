import type { Migration } from './migration';

/**
 * Local folders (issue 7). The operations journal learns two things:
 * - action 'append': a message whose source is held here (a local folder, or
 *   another account) is sent to an IMAP folder by APPEND; the entry records
 *   the target's UIDNEXT before the first APPEND, like a copy, so a replay
 *   killed mid-way finds what already arrived (by Message-ID) and appends
 *   each message exactly once;
 * - account_id NULL: an operation among local folders only. It never goes to
 *   a server (it is written done) and is kept only so the toast can undo it.
 *
 * It keeps what 0006 (folder operations) added: their kinds, actions and
 * source_path.
 *
 * SQLite cannot change a CHECK or NOT NULL in place: both tables are rebuilt
 * (the child first, so no cascade touches the rows) and renamed into place.
 */
export const localTransfers: Migration = {
  version: 8,
  name: 'local-transfers',
  up: `
CREATE TABLE operations_next (
  id INTEGER PRIMARY KEY,
  account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('flags', 'move', 'copy', 'delete', 'archive', 'markRead', 'empty',
    'createFolder', 'renameFolder', 'deleteFolder', 'subscribeFolder')),
  action TEXT NOT NULL CHECK (action IN ('store', 'move', 'copy', 'expunge', 'append',
    'createFolder', 'renameFolder', 'deleteFolder', 'subscribe', 'unsubscribe')),
  target_path TEXT,
  source_path TEXT,
  target_uidnext INTEGER,
  target_uidvalidity INTEGER,
  flags_add TEXT NOT NULL DEFAULT '',
  flags_remove TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'done', 'failed')),
  undoable INTEGER NOT NULL DEFAULT 1,
  error_json TEXT,
  created_at INTEGER NOT NULL
);
INSERT INTO operations_next (id, account_id, kind, action, target_path, source_path, target_uidnext, target_uidvalidity,
    flags_add, flags_remove, state, undoable, error_json, created_at)
  SELECT id, account_id, kind, action, target_path, source_path, target_uidnext, target_uidvalidity, flags_add,
    flags_remove, state, undoable, error_json, created_at FROM operations;

CREATE TABLE operation_messages_next (
  id INTEGER PRIMARY KEY,
  operation_id INTEGER NOT NULL REFERENCES operations_next(id) ON DELETE CASCADE,
  message_row_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  result_row_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  folder_path TEXT NOT NULL,
  uidvalidity INTEGER,
  uid INTEGER,
  message_id_header TEXT,
  prior_flags TEXT,
  prior_folder_id INTEGER,
  prior_uid INTEGER,
  new_uid INTEGER
);
INSERT INTO operation_messages_next SELECT id, operation_id, message_row_id, result_row_id, folder_path, uidvalidity, uid,
  message_id_header, prior_flags, prior_folder_id, prior_uid, new_uid FROM operation_messages;

DROP TABLE operation_messages;
DROP TABLE operations;
ALTER TABLE operations_next RENAME TO operations;
ALTER TABLE operation_messages_next RENAME TO operation_messages;
CREATE INDEX operations_account_state ON operations(account_id, state, id);
CREATE INDEX operation_messages_operation ON operation_messages(operation_id);
CREATE INDEX operation_messages_row ON operation_messages(message_row_id);
`,
};
