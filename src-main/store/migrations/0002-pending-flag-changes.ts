import type { Migration } from './migration';

/**
 * Flag changes made while offline (or before the server confirmed them):
 * replayed by the next sync before it reads the server's flags, so marking a
 * message read on a train is not undone when the connection comes back.
 */
export const pendingFlagChanges: Migration = {
  version: 2,
  name: 'pending-flag-changes',
  up: `
CREATE TABLE pending_flag_changes (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  flag TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value IN (0, 1)),
  created_at INTEGER NOT NULL
);
CREATE INDEX pending_flag_changes_message ON pending_flag_changes(message_id);
`,
};
