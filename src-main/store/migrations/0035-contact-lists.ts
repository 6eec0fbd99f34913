import type { Migration } from './migration';

/**
 * The Address Book's lists (Thunderbird's mailing lists in an address book: "Team" written in To brings its
 * members). A list keeps its members' names and addresses itself, in the user's order, so a member need not be
 * an Address Book entry and forgetting an entry never empties a list.
 */
export const contactLists: Migration = {
  // Its place in MIGRATIONS.
  version: 35,
  name: 'contact-lists',
  up: `
CREATE TABLE contact_lists (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE contact_list_members (
  list_id INTEGER NOT NULL REFERENCES contact_lists(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  PRIMARY KEY (list_id, position)
) WITHOUT ROWID;
`,
};
