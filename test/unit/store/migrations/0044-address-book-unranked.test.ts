import { afterEach, describe, expect, it } from 'vitest';
import { databaseBefore, removeDatabasesBefore } from './database-before';
import { addressBookUnranked } from '../../../../src-main/store/migrations/0044-address-book-unranked';
import { AddressBookRepo } from '../../../../src-main/store/address-book-repo';
import { openDatabase } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

describe('migration 0044 address book unranked', () => {
  it('drops the index by uses from a populated book, whose suggestions and most used names keep their order', () => {
    const file = databaseBefore(addressBookUnranked, `
      INSERT INTO address_book (address, name, uses, last_used) VALUES
        ('ann@x.test', 'Ann', 2, 10), ('annie@x.test', 'Annie', 9, 5), ('bob@x.test', 'Bob', 5, 1);
    `).file;
    const db = openDatabase(file);
    try {
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'address_book' AND sql IS NOT NULL").pluck().all()).toEqual([]);
      const book = new AddressBookRepo(db);
      expect(book.suggest('ann', 5).map((s) => s.address)).toEqual(['annie@x.test', 'ann@x.test']);
      expect(book.names(2)).toEqual(['Annie', 'Bob']);
    } finally {
      db.close();
    }
  });
});
