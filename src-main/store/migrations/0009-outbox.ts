import type { Migration } from './migration';

/**
 * The outbox (issue 8), replacing the initial schema's placeholder (never
 * used). A row holds a message built and stored as a blob, waiting (undo
 * delay, send later), queued, being sent, sent or failed. `sending` is written
 * (and flushed to the disk) before the message's envelope and DATA: after a crash, only a row left in `sending` may have reached the
 * server, so only it is checked (Sent folder by Message-ID) before anything
 * is sent again, and the user decides (`unknown`) when that cannot tell.
 * `claim_pid` is the process working on the row (the app and the CLI share
 * the data folder): nobody else touches a row whose claimant is alive.
 */
export const outbox: Migration = {
  // Its place in MIGRATIONS (0006-0008 land from other branches; renumbered at merge).
  version: 9,
  name: 'outbox',
  up: `
DROP TABLE IF EXISTS outbox;
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('waiting', 'queued', 'sending', 'unknown', 'failed', 'sent')),
  -- After the send: 'pending' until the Sent copy is filed (or found there), 'appending' once Wren has begun its APPEND
  -- (so a copy found after a crash is known as Wren's own), then 'done'; 'skipped' when off or nowhere to file.
  sent_copy TEXT CHECK (sent_copy IN ('pending', 'appending', 'done', 'skipped')),
  send_at INTEGER,
  next_attempt_at INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  claim_pid INTEGER,
  claim_token TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  message_id TEXT NOT NULL,
  blob TEXT NOT NULL,
  size INTEGER NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  error_json TEXT,
  refused_json TEXT NOT NULL DEFAULT '[]',
  -- The large columns last: SQLite reads a row's columns in order, through overflow pages, so the
  -- state a scan filters on must come before them.
  -- {from, to[]}: the SMTP envelope, Bcc included.
  envelope_json TEXT NOT NULL,
  -- The ComposedMessage, so undo and "edit" return it to the composer (NULL for a raw message).
  composed_json TEXT
);
-- The rows with work left are few beside the sent ones kept for a week: found by index, not by a scan.
CREATE INDEX outbox_state ON outbox(state, account_id);
CREATE INDEX outbox_sent_copy ON outbox(sent_copy, account_id);
CREATE UNIQUE INDEX outbox_message_id ON outbox(account_id, message_id);

-- Per account: whether Wren files the Sent copy ('auto'), never ('off'), or the server does it ('server').
CREATE TABLE outbox_settings (
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  sent_copy TEXT NOT NULL DEFAULT 'auto' CHECK (sent_copy IN ('auto', 'off', 'server'))
);
`,
};
