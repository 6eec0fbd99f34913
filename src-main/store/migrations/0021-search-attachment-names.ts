import type { Migration } from './migration';

/**
 * The index now holds the file names of a message's attachments with its
 * body text (search/search-document.ts), taken from its stored structure.
 * A structure stored after the message (a POP3 or imported message opened
 * the first time, see MessageReader) queues it again, as a body does; the
 * messages with attachments are queued once here.
 */
export const searchAttachmentNames: Migration = {
  // Its place in MIGRATIONS.
  version: 21,
  name: 'search-attachment-names',
  up: `
CREATE TRIGGER search_queue_structure AFTER UPDATE OF structure_json ON messages BEGIN
  INSERT INTO search_pending (message_id, token) VALUES (NEW.id, random() % 9007199254740991)
    ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
END;

INSERT INTO search_pending (message_id, token) SELECT id, random() % 9007199254740991 FROM messages WHERE has_attachments = 1
  ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
`,
};
