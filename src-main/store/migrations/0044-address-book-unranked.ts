import type { Migration } from './migration';

/**
 * The address book's index by uses served no query: a suggestion is ranked first by whether the typed text
 * begins the address or name, so SQLite sorts the matches anyway, and the Address Book is ordered by name.
 * Yet every address a stored message names moved its entry in it (uses changes at each upsert): about a sixth
 * of storing 10,000 headers. `names()`, reading the most used names ahead once after start, sorts them itself.
 */
export const addressBookUnranked: Migration = {
  // Its place in MIGRATIONS.
  version: 44,
  name: 'address-book-unranked',
  up: `
DROP INDEX IF EXISTS address_book_uses;
`,
};
