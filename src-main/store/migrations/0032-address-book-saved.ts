import type { Migration } from './migration';

/**
 * The address book's entries the user added or named (the Address Book's Add and Edit, a vCard import):
 * `saved` keeps their name as the user wrote it, where a collected entry takes the name the latest
 * mail gave its address (AddressBookLearning's upsert).
 */
export const addressBookSaved: Migration = {
  // Its place in MIGRATIONS.
  version: 32,
  name: 'address-book-saved',
  up: `
ALTER TABLE address_book ADD COLUMN saved INTEGER NOT NULL DEFAULT 0;
`,
};
