import type { Migration } from './migration';

/**
 * A POP3 record keeps what identifies its message across a server's
 * renumbering (the Message-ID and the size in LIST) on its own row, not only
 * through the local message: a message deleted here still has its record
 * (so it is not downloaded again), and when the server later gives it a new
 * UIDL the record must still be recognisable, or the message comes back.
 */
export const pop3UidlIdentity: Migration = {
  version: 12,
  name: 'pop3-uidl-identity',
  up: `
ALTER TABLE pop3_uidls ADD COLUMN message_id TEXT;
ALTER TABLE pop3_uidls ADD COLUMN size INTEGER;
UPDATE pop3_uidls SET
  message_id = (SELECT m.message_id FROM messages m WHERE m.id = pop3_uidls.message_row_id),
  size = (SELECT m.size FROM messages m WHERE m.id = pop3_uidls.message_row_id)
WHERE message_row_id IS NOT NULL;
`,
};
