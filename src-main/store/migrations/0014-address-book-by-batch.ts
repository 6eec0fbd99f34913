import type { Migration } from './migration';

/**
 * The address book (0010) is no longer kept by a trigger on every message
 * insert: it parsed each row's To and Cc JSON back and looked its folder's
 * role up three times, which was two thirds of the cost of storing a header
 * (about 0.1 ms a message, a third of a second per thousand on a sync).
 * The store now counts the addresses of a batch of new messages together in
 * one pass (AddressBookLearning), with the same rules: From once, To and Cc
 * once (three times from a Sent folder), nothing from Drafts.
 */
export const addressBookByBatch: Migration = {
  // Its place in MIGRATIONS (other branches add theirs; renumbered at merge).
  version: 14,
  name: 'address-book-by-batch',
  up: `
DROP TRIGGER IF EXISTS address_book_insert;
`,
};
