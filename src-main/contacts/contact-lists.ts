import { WrenError } from '../errors/wren-error';
import type { ContactList } from '../ipc/contract';
import type { Store } from '../store/store';

/**
 * The Address Book's lists: a name that stands for several people in To, Cc or Bcc, as Thunderbird's address book
 * mailing lists. Names are unique whatever their case (the composer finds a list by what is typed); a member is
 * kept once, by address whatever its case, in the order given.
 */
export class ContactLists {
  constructor(private readonly store: Store) {}

  all(): ContactList[] {
    return this.store.contactLists.all();
  }

  /** Adds a list (no id) or replaces a saved one's name and members. */
  save(input: { id?: number; name: string; members: ContactList['members'] }): ContactList {
    const name = input.name.trim();
    const members = uniqueMembers(input.members);
    if (members.length === 0) throw new WrenError('BadRequest', `The list "${name}" needs at least one address.`, { name });
    const id = this.store.write(() => {
      const named = this.store.contactLists.idNamed(name);
      if (named !== null && named !== input.id) throw new WrenError('BadRequest', `There is a list named "${name}" already.`, { name, listId: named });
      const listId = input.id ?? this.store.contactLists.insert(name);
      if (input.id !== undefined && !this.store.contactLists.rename(input.id, name)) throw notFound(input.id);
      this.store.contactLists.setMembers(listId, members);
      return listId;
    });
    return this.store.contactLists.get(id)!;
  }

  remove(listId: number): { removed: true } {
    if (!this.store.write(() => this.store.contactLists.remove(listId))) throw notFound(listId);
    return { removed: true };
  }
}

function uniqueMembers(members: ContactList['members']): ContactList['members'] {
  const seen = new Set<string>();
  return members
    .map((member) => ({ name: member.name.trim(), address: member.address.trim() }))
    .filter((member) => {
      const key = member.address.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function notFound(listId: number): WrenError {
  return new WrenError('NotFound', `There is no list ${listId}.`, { listId });
}
