import type { Migration } from './migration';

/**
 * The first schema. "Fat rows" for messages: the columns the list sorts and
 * filters on are indexed scalars; bodies and raw sources live apart (bodies in
 * message_bodies, large parts and sources as files in the blob store) so a
 * 50 MB attachment never passes through SQLite or memory whole.
 * Folder counts are kept by triggers, never recomputed by the list.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  display_name TEXT NOT NULL DEFAULT '',
  protocol TEXT NOT NULL CHECK (protocol IN ('imap', 'pop3')),
  incoming_host TEXT NOT NULL,
  incoming_port INTEGER NOT NULL,
  incoming_security TEXT NOT NULL CHECK (incoming_security IN ('tls', 'starttls', 'none')),
  incoming_user TEXT NOT NULL,
  smtp_host TEXT,
  smtp_port INTEGER,
  smtp_security TEXT CHECK (smtp_security IN ('tls', 'starttls', 'none')),
  smtp_user TEXT,
  allow_plaintext INTEGER NOT NULL DEFAULT 0,
  password_secret_id TEXT NOT NULL REFERENCES secrets(id),
  trusted_cert_sha256 TEXT,
  trusted_cert_pem TEXT,
  created_at INTEGER NOT NULL
);

-- Sealed (encrypted) secrets only; the scheme says which SecretStore can open them.
CREATE TABLE secrets (
  id TEXT PRIMARY KEY,
  scheme TEXT NOT NULL,
  sealed BLOB NOT NULL
);

CREATE TABLE identities (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  reply_to TEXT,
  signature TEXT,
  is_default INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX identities_account ON identities(account_id);

-- account_id NULL: the user's local folders (POP3 mail lands there).
CREATE TABLE folders (
  id INTEGER PRIMARY KEY,
  account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  name TEXT NOT NULL,
  delimiter TEXT,
  is_local INTEGER NOT NULL DEFAULT 0,
  role TEXT CHECK (role IN ('inbox', 'sent', 'drafts', 'trash', 'junk', 'archive', 'all', 'flagged')),
  selectable INTEGER NOT NULL DEFAULT 1,
  subscribed INTEGER NOT NULL DEFAULT 1,
  uidvalidity INTEGER,
  uidnext INTEGER,
  highestmodseq INTEGER,
  total_count INTEGER NOT NULL DEFAULT 0,
  unread_count INTEGER NOT NULL DEFAULT 0,
  last_synced_at INTEGER
);
CREATE UNIQUE INDEX folders_account_path ON folders(ifnull(account_id, 0), path);
CREATE INDEX folders_parent ON folders(parent_id);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
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
CREATE UNIQUE INDEX messages_folder_uid ON messages(folder_id, uid) WHERE uid IS NOT NULL;
CREATE UNIQUE INDEX messages_folder_uidl ON messages(folder_id, uidl) WHERE uidl IS NOT NULL;
CREATE INDEX messages_folder_date ON messages(folder_id, sort_date DESC, id DESC);

CREATE TABLE message_bodies (
  message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  text TEXT,
  html TEXT,
  warnings_json TEXT NOT NULL DEFAULT '[]',
  fetched_at INTEGER NOT NULL
);

-- Decoded attachments and inline parts, as files in the blob store.
CREATE TABLE message_parts (
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  part_id TEXT NOT NULL,
  blob TEXT NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (message_id, part_id)
);

-- The raw RFC 5322 source, as a file in the blob store.
CREATE TABLE message_sources (
  message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  blob TEXT NOT NULL,
  size INTEGER NOT NULL
);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  blob TEXT NOT NULL,
  envelope_json TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'failed', 'sent')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at INTEGER,
  created_at INTEGER NOT NULL
);

CREATE TABLE sync_state (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (account_id, key)
);

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
`,
};
