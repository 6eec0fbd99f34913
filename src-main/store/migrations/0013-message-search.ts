import type { Migration } from './migration';

/**
 * Full-text search (issue 7: local folders "read, search and survive with
 * no network"). `message_search` is a contentless FTS5 index keyed by
 * messages.id: the text it holds is prepared in JavaScript (Chinese,
 * Japanese and Korean runs cut into overlapping bigrams, see
 * search/cjk-bigrams.ts) before SQLite's unicode61 tokenizer sees it, so a
 * trigger in SQL cannot fill it. Triggers only note which messages need
 * (re)indexing in `search_pending`; the indexer (search/search-indexer.ts)
 * drains it in batches, in the sync worker after each sync and before a
 * search. Deletes are the exception: a deleted message leaves the index in
 * the same statement, so a result never names a message that is gone.
 *
 * This migration indexes nothing itself: it queues every stored message
 * (one small row each, a second or so for a million messages), so opening a
 * large database never waits for the bodies to be parsed.
 *
 * `token` changes on every re-queue, so an indexer that read a message
 * before a later change does not clear the newer request (kept within
 * 2^53 so JavaScript reads it back exactly).
 */
export const messageSearch: Migration = {
  // Its place in MIGRATIONS (other branches add theirs; renumbered at merge).
  version: 13,
  name: 'message-search',
  up: `
CREATE VIRTUAL TABLE message_search USING fts5(
  subject, sender, recipients, body,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE search_pending (
  message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  token INTEGER NOT NULL
);

CREATE TRIGGER search_queue_insert AFTER INSERT ON messages BEGIN
  INSERT INTO search_pending (message_id, token) VALUES (NEW.id, random() % 9007199254740991)
    ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
END;
CREATE TRIGGER search_queue_headers AFTER UPDATE OF subject, from_name, from_addr, to_json, cc_json ON messages BEGIN
  INSERT INTO search_pending (message_id, token) VALUES (NEW.id, random() % 9007199254740991)
    ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
END;
CREATE TRIGGER search_queue_source AFTER INSERT ON message_sources BEGIN
  INSERT INTO search_pending (message_id, token) VALUES (NEW.message_id, random() % 9007199254740991)
    ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
END;
CREATE TRIGGER search_queue_source_update AFTER UPDATE OF blob ON message_sources BEGIN
  INSERT INTO search_pending (message_id, token) VALUES (NEW.message_id, random() % 9007199254740991)
    ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
END;
CREATE TRIGGER search_queue_body AFTER INSERT ON message_bodies BEGIN
  INSERT INTO search_pending (message_id, token) VALUES (NEW.message_id, random() % 9007199254740991)
    ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
END;
CREATE TRIGGER search_queue_body_update AFTER UPDATE OF text, html ON message_bodies BEGIN
  INSERT INTO search_pending (message_id, token) VALUES (NEW.message_id, random() % 9007199254740991)
    ON CONFLICT (message_id) DO UPDATE SET token = excluded.token;
END;
CREATE TRIGGER search_forget AFTER DELETE ON messages BEGIN
  DELETE FROM message_search WHERE rowid = OLD.id;
END;

INSERT INTO search_pending (message_id, token) SELECT id, random() % 9007199254740991 FROM messages;
`,
};
