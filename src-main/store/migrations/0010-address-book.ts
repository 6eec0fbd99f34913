import type { Migration } from './migration';

/**
 * Addresses already seen, for the composer's suggestions (issue 8): every
 * From, To and Cc of a stored message counts one use, kept by triggers so a
 * suggestion is one indexed read rather than a scan of every message's
 * recipients. Mail the user sent (a message in a Sent folder) counts its
 * recipients three times: people one writes to are the likeliest next.
 * Drafts count nothing (they are saved again every few seconds).
 * Uses are not taken back when a message goes away; the ranking is about
 * habit, not about what is in the cache right now.
 */
export const addressBook: Migration = {
  // Its place in MIGRATIONS (other branches add theirs; renumbered at merge).
  version: 10,
  name: 'address-book',
  up: `
CREATE TABLE address_book (
  address TEXT PRIMARY KEY COLLATE NOCASE,
  name TEXT NOT NULL DEFAULT '',
  uses INTEGER NOT NULL DEFAULT 0,
  last_used INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX address_book_uses ON address_book(uses DESC);

CREATE TRIGGER address_book_insert AFTER INSERT ON messages
  WHEN (SELECT role FROM folders WHERE id = NEW.folder_id) IS NOT 'drafts' BEGIN
  INSERT INTO address_book (address, name, uses, last_used)
    SELECT a.address, a.name, a.weight, NEW.sort_date FROM (
      SELECT NEW.from_addr AS address, NEW.from_name AS name, 1 AS weight
      UNION ALL
      SELECT json_extract(r.value, '$.address'), coalesce(json_extract(r.value, '$.name'), ''),
        CASE WHEN (SELECT role FROM folders WHERE id = NEW.folder_id) = 'sent' THEN 3 ELSE 1 END
      FROM json_each(CASE WHEN json_valid(NEW.to_json) THEN NEW.to_json ELSE '[]' END) r
      UNION ALL
      SELECT json_extract(r.value, '$.address'), coalesce(json_extract(r.value, '$.name'), ''),
        CASE WHEN (SELECT role FROM folders WHERE id = NEW.folder_id) = 'sent' THEN 3 ELSE 1 END
      FROM json_each(CASE WHEN json_valid(NEW.cc_json) THEN NEW.cc_json ELSE '[]' END) r
    ) a WHERE a.address LIKE '%_@_%'
  ON CONFLICT (address) DO UPDATE SET uses = uses + excluded.uses,
    name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END,
    last_used = max(last_used, excluded.last_used);
END;

INSERT INTO address_book (address, name, uses, last_used)
  SELECT address, max(name), sum(weight), max(sort_date) FROM (
    SELECT m.from_addr AS address, m.from_name AS name, 1 AS weight, m.sort_date FROM messages m
      JOIN folders f ON f.id = m.folder_id WHERE f.role IS NOT 'drafts'
    UNION ALL
    SELECT json_extract(r.value, '$.address'), coalesce(json_extract(r.value, '$.name'), ''),
      CASE WHEN f.role = 'sent' THEN 3 ELSE 1 END, m.sort_date
    FROM messages m JOIN folders f ON f.id = m.folder_id, json_each(CASE WHEN json_valid(m.to_json) THEN m.to_json ELSE '[]' END) r
    WHERE f.role IS NOT 'drafts'
    UNION ALL
    SELECT json_extract(r.value, '$.address'), coalesce(json_extract(r.value, '$.name'), ''),
      CASE WHEN f.role = 'sent' THEN 3 ELSE 1 END, m.sort_date
    FROM messages m JOIN folders f ON f.id = m.folder_id, json_each(CASE WHEN json_valid(m.cc_json) THEN m.cc_json ELSE '[]' END) r
    WHERE f.role IS NOT 'drafts'
  ) WHERE address LIKE '%_@_%' GROUP BY address COLLATE NOCASE;

-- A draft written while offline: stored locally at once (its row in the Drafts folder, without a UID
-- until the server has it), appended to the server when the account is reachable. The row stays
-- while it waits, whatever a sync of the folder finds.
CREATE TABLE pending_appends (
  message_row_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  folder_path TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`,
};
