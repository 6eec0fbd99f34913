import type { Migration } from './migration';

/**
 * An account's row id is never given to another account (as 0019 did for
 * messages). Without AUTOINCREMENT an account added right after the newest one
 * was removed took its id, and a process that keeps connections by account id
 * could not tell them apart: the app's account watcher saw the same ids as
 * before and kept the removed account's push connection, IDLE on the old
 * server, whose new mail then went into the new account's Inbox.
 *
 * Rebuilt with the same columns and ids (the runner has the foreign keys off,
 * see Migration), so every folder, identity and journal entry still points at
 * its own account.
 */
export const accountIdsNeverReused: Migration = {
  // Its place in MIGRATIONS.
  version: 23,
  name: 'account-ids-never-reused',
  rebuildsReferencedTable: true,
  up: `
CREATE TABLE accounts_next (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
  created_at INTEGER NOT NULL,
  pop3_leave TEXT NOT NULL DEFAULT 'keep' CHECK (pop3_leave IN ('keep', 'deleteAfterDays', 'deleteWhenDeleted', 'delete')),
  pop3_delete_after_days INTEGER,
  pop3_max_kb INTEGER,
  sort_order INTEGER NOT NULL DEFAULT 0,
  colour TEXT,
  auth TEXT NOT NULL DEFAULT 'password' CHECK (auth IN ('password', 'oauth2')),
  oauth2_provider TEXT
);
INSERT INTO accounts_next (id, name, email, display_name, protocol, incoming_host, incoming_port, incoming_security, incoming_user,
    smtp_host, smtp_port, smtp_security, smtp_user, allow_plaintext, password_secret_id, trusted_cert_sha256, trusted_cert_pem,
    created_at, pop3_leave, pop3_delete_after_days, pop3_max_kb, sort_order, colour, auth, oauth2_provider)
  SELECT id, name, email, display_name, protocol, incoming_host, incoming_port, incoming_security, incoming_user,
    smtp_host, smtp_port, smtp_security, smtp_user, allow_plaintext, password_secret_id, trusted_cert_sha256, trusted_cert_pem,
    created_at, pop3_leave, pop3_delete_after_days, pop3_max_kb, sort_order, colour, auth, oauth2_provider
  FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_next RENAME TO accounts;
`,
};
