import type { Migration } from './migration';

/**
 * The operations journal (issue 6): every change a user makes to mail is
 * applied to the cache at once and recorded here in the same transaction;
 * the sync worker replays it to the server in order (pending → sent → done),
 * so a kill between any two steps resumes without losing or repeating work.
 * Each message of an entry is named as the server named it when the entry was
 * made (folder path, UIDVALIDITY, UID) and by its Message-ID, so that after a
 * renumbering it is matched again or dropped with a note. A folder is named by
 * its path, not a row: a folder deleted elsewhere must not silently delete
 * the entries that touch it.
 *
 * Replaces pending_flag_changes: each queued change becomes a flags entry.
 */
export const operationsJournal: Migration = {
  version: 5,
  name: 'operations-journal',
  up: `
CREATE TABLE operations (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  -- What the user asked for (operation.failed names it).
  kind TEXT NOT NULL CHECK (kind IN ('flags', 'move', 'copy', 'delete', 'archive', 'markRead', 'empty')),
  -- What the server is asked to do.
  action TEXT NOT NULL CHECK (action IN ('store', 'move', 'copy', 'expunge')),
  target_path TEXT,
  -- The target's UIDNEXT and UIDVALIDITY just before the server was asked: after a crash, a message
  -- found in the target at or above that UID is the one this entry put there (so it is not copied twice).
  target_uidnext INTEGER,
  target_uidvalidity INTEGER,
  -- Space separated IMAP flags.
  flags_add TEXT NOT NULL DEFAULT '',
  flags_remove TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'done', 'failed')),
  undoable INTEGER NOT NULL DEFAULT 1,
  -- Why it failed (an ErrorShape as JSON), until the failure has been announced.
  error_json TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX operations_account_state ON operations(account_id, state, id);

CREATE TABLE operation_messages (
  id INTEGER PRIMARY KEY,
  operation_id INTEGER NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
  -- The cached row while it exists.
  message_row_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  -- The row the operation created (a copy), which gets the server's new UID.
  result_row_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
  folder_path TEXT NOT NULL,
  uidvalidity INTEGER,
  -- NULL while the message's own move is not replayed yet (filled in when it is).
  uid INTEGER,
  message_id_header TEXT,
  -- What undo restores: the flags before (JSON array) or the folder row before a move.
  prior_flags TEXT,
  prior_folder_id INTEGER,
  prior_uid INTEGER,
  -- The UID the server gave the message in the target folder.
  new_uid INTEGER
);
CREATE INDEX operation_messages_operation ON operation_messages(operation_id);
CREATE INDEX operation_messages_row ON operation_messages(message_row_id);

INSERT INTO operations (id, account_id, kind, action, flags_add, flags_remove, state, undoable, created_at)
  SELECT p.id, f.account_id, 'flags', 'store',
    CASE WHEN p.value = 1 THEN p.flag ELSE '' END, CASE WHEN p.value = 0 THEN p.flag ELSE '' END,
    'pending', 0, p.created_at
  FROM pending_flag_changes p JOIN folders f ON f.id = p.folder_id
  WHERE f.account_id IS NOT NULL;
INSERT INTO operation_messages (operation_id, message_row_id, folder_path, uidvalidity, uid, message_id_header)
  SELECT p.id, p.message_id, f.path, p.uidvalidity, p.uid, p.message_id_header
  FROM pending_flag_changes p JOIN folders f ON f.id = p.folder_id
  WHERE f.account_id IS NOT NULL;
DROP TABLE pending_flag_changes;
`,
};
