import type { Migration } from './migration';

/**
 * A message's row id is never given to another message: SQLite hands a new
 * row the largest id plus one, so without AUTOINCREMENT a message arriving
 * after the newest one left (expunged by another device, a draft replaced)
 * took its id. Ids outlive their rows: a sent reply's original and the draft
 * it continued are named by id in the outbox row, and were then marked
 * \Answered, or deleted for good, in the newcomer's place.
 *
 * SQLite cannot add AUTOINCREMENT in place: the table is rebuilt with the same
 * columns and ids, its indexes and triggers made again. Every other table
 * refers to messages, so the runner has the foreign keys off for it (dropping
 * the old table must not cascade into bodies, sources or the journal); the
 * ids are copied as they are, so every reference still holds.
 */
export const messageIdsNeverReused: Migration = {
  // Its place in MIGRATIONS.
  version: 19,
  name: 'message-ids-never-reused',
  rebuildsReferencedTable: true,
  up: `
CREATE TABLE messages_next (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
  uid INTEGER,
  uidl TEXT,
  message_id TEXT,
  in_reply_to TEXT,
  subject TEXT NOT NULL DEFAULT '',
  from_name TEXT NOT NULL DEFAULT '',
  from_addr TEXT NOT NULL DEFAULT '',
  to_json TEXT NOT NULL DEFAULT '[]',
  cc_json TEXT NOT NULL DEFAULT '[]',
  date INTEGER,
  internal_date INTEGER,
  sort_date INTEGER NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  seen INTEGER NOT NULL DEFAULT 0,
  flagged INTEGER NOT NULL DEFAULT 0,
  answered INTEGER NOT NULL DEFAULT 0,
  draft INTEGER NOT NULL DEFAULT 0,
  keywords TEXT NOT NULL DEFAULT '',
  has_attachments INTEGER NOT NULL DEFAULT 0,
  structure_json TEXT,
  modseq INTEGER,
  body_state TEXT NOT NULL DEFAULT 'none' CHECK (body_state IN ('none', 'text', 'full'))
);
INSERT INTO messages_next (id, folder_id, uid, uidl, message_id, in_reply_to, subject, from_name, from_addr, to_json, cc_json,
    date, internal_date, sort_date, size, seen, flagged, answered, draft, keywords, has_attachments, structure_json, modseq, body_state)
  SELECT id, folder_id, uid, uidl, message_id, in_reply_to, subject, from_name, from_addr, to_json, cc_json,
    date, internal_date, sort_date, size, seen, flagged, answered, draft, keywords, has_attachments, structure_json, modseq, body_state
  FROM messages;
DROP TABLE messages;
ALTER TABLE messages_next RENAME TO messages;

CREATE UNIQUE INDEX messages_folder_uid ON messages(folder_id, uid) WHERE uid IS NOT NULL;
CREATE UNIQUE INDEX messages_folder_uidl ON messages(folder_id, uidl) WHERE uidl IS NOT NULL;
CREATE INDEX messages_folder_date ON messages(folder_id, sort_date DESC, id DESC);
CREATE INDEX messages_unread_date ON messages(sort_date DESC, id DESC) WHERE seen = 0;
CREATE INDEX messages_flagged_date ON messages(sort_date DESC, id DESC) WHERE flagged = 1;

CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
  UPDATE folders SET total_count = total_count + 1, unread_count = unread_count + (1 - NEW.seen)
  WHERE id = NEW.folder_id;
END;
CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
  UPDATE folders SET total_count = total_count - 1, unread_count = unread_count - (1 - OLD.seen)
  WHERE id = OLD.folder_id;
END;
CREATE TRIGGER messages_count_seen AFTER UPDATE OF seen, folder_id ON messages BEGIN
  UPDATE folders SET total_count = total_count - 1, unread_count = unread_count - (1 - OLD.seen) WHERE id = OLD.folder_id;
  UPDATE folders SET total_count = total_count + 1, unread_count = unread_count + (1 - NEW.seen) WHERE id = NEW.folder_id;
END;
CREATE TRIGGER search_queue_insert AFTER INSERT ON messages BEGIN
  INSERT INTO search_pending (message_id, token) VALUES (NEW.id, random() % 9007199254740991)
    ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
END;
CREATE TRIGGER search_queue_headers AFTER UPDATE OF subject, from_name, from_addr, to_json, cc_json ON messages BEGIN
  INSERT INTO search_pending (message_id, token) VALUES (NEW.id, random() % 9007199254740991)
    ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
END;
CREATE TRIGGER search_forget AFTER DELETE ON messages BEGIN
  DELETE FROM message_search WHERE rowid = OLD.id;
END;
`,
};
