import type { Contact, SavedContact, VcardImportResult } from '../ipc/contract';
import type { Store } from '../store/store';
import { readVcards, writeVcards } from './vcard';

/**
 * Thunderbird's Address Book over the addresses Wren collects from mail (address_book): a page of it,
 * an entry added or named by the user, and vCard files in and out (to move contacts from Thunderbird,
 * Outlook, Google or a phone, and back).
 */
export class AddressBook {
  constructor(private readonly store: Store) {}

  list(query: string, offset: number, limit: number): { total: number; items: Contact[] } {
    return this.store.addressBook.list(query, offset, limit);
  }

  save(address: string, name: string): SavedContact {
    return this.store.write(() => this.store.addressBook.save(address.trim(), name.trim()));
  }

  /**
   * Every address of the file (its bytes: the file's charset is found in readVcards), saved with its card's name;
   * `added` were not in the book, `updated` were, and the cards that gave no address are counted. A file with no
   * card at all is refused (NotVcardFile).
   */
  importVcards(file: Buffer): VcardImportResult {
    const { entries, skippedUnreadable, skippedNoAddress } = readVcards(file);
    return this.store.write(() => {
      let added = 0;
      for (const { address, name } of entries) {
        if (this.store.addressBook.save(address, name).previousName === null) added += 1;
      }
      return { added, updated: entries.length - added, skippedUnreadable, skippedNoAddress };
    });
  }

  /** The whole book as one vCard 4.0 file, in the book's order. */
  exportVcards(): { vcard: string; count: number } {
    const items = this.store.addressBook.all();
    return { vcard: writeVcards(items.map(({ name, address }) => ({ name, address }))), count: items.length };
  }
}
