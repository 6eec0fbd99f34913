import type { Migration } from './migration';

/**
 * Folder operations join the journal (issue 6): create, rename, delete and
 * (un)subscribe apply locally at once and are replayed in order with the
 * message operations, so "create a folder offline, move mail into it" reaches
 * the server as asked. A rename names the folder's path before (source_path)
 * and after (target_path).
 *
 * SQLite cannot widen a CHECK constraint in place, so both journal tables are
 * rebuilt (operation_messages too: dropping `operations` would cascade into
 * it). Renaming the new tables also rewrites the REFERENCES between them.
 */
export const folderOperations: Migration = {
  version: 6,
  name: 'folder-operations',
  up: `
CREATE TABLE operations_v6 (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('flags', 'move', 'copy', 'delete', 'archive', 'markRead', 'empty',
    'createFolder', 'renameFolder', 'deleteFolder', 'subscribeFolder')),
  action TEXT NOT NULL CHECK (action IN ('store', 'move', 'copy', 'expunge',
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
INSERT INTO operations_v6 (id, account_id, kind, action, target_path, target_uidnext, target_uidvalidity, flags_add, flags_remove,
    state, undoable, error_json, created_at)
  SELECT id, account_id, kind, action, target_path, target_uidnext, target_uidvalidity, flags_add, flags_remove,
    state, undoable, error_json, created_at FROM operations;

CREATE TABLE operation_messages_v6 (
  id INTEGER PRIMARY KEY,
  operation_id INTEGER NOT NULL REFERENCES operations_v6(id) ON DELETE CASCADE,
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
INSERT INTO operation_messages_v6 (id, operation_id, message_row_id, result_row_id, folder_path, uidvalidity, uid, message_id_header,
    prior_flags, prior_folder_id, prior_uid, new_uid)
  SELECT id, operation_id, message_row_id, result_row_id, folder_path, uidvalidity, uid, message_id_header,
    prior_flags, prior_folder_id, prior_uid, new_uid FROM operation_messages;

DROP TABLE operation_messages;
DROP TABLE operations;
ALTER TABLE operations_v6 RENAME TO operations;
ALTER TABLE operation_messages_v6 RENAME TO operation_messages;
CREATE INDEX operations_account_state ON operations(account_id, state, id);
CREATE INDEX operation_messages_operation ON operation_messages(operation_id);
CREATE INDEX operation_messages_row ON operation_messages(message_row_id);
`,
};
