import type { ContactList } from '../ipc/contract';
import type { Db } from './open-database';
import { NAME_SORT_KEY } from './name-sort-key';
import { PreparedStatements } from './prepared-statements';
import { personNamePinyin } from './person-name-pinyin';

/** The Address Book's lists and their members (migration 0035). */
export class ContactListsRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /** Every list by name (Chinese by its pinyin, see nameSortKey), each with its members in order. */
  all(): ContactList[] {
    const lists = this.statements.get(`SELECT id, name FROM contact_lists ORDER BY ${NAME_SORT_KEY}(name), id`).all() as { id: number; name: string }[];
    const members = this.statements.get('SELECT list_id, name, address FROM contact_list_members ORDER BY list_id, position').all() as
      { list_id: number; name: string; address: string }[];
    const byList = new Map(lists.map((list) => [list.id, { ...list, members: [] as ContactList['members'], spelling: personNamePinyin(list.name) }]));
    for (const member of members) byList.get(member.list_id)?.members.push({ name: member.name, address: member.address });
    return [...byList.values()];
  }

  get(id: number): ContactList | null {
    const list = this.statements.get('SELECT id, name FROM contact_lists WHERE id = ?').get(id) as { id: number; name: string } | undefined;
    if (!list) return null;
    const members = this.statements.get('SELECT name, address FROM contact_list_members WHERE list_id = ? ORDER BY position').all(id) as ContactList['members'];
    return { ...list, members, spelling: personNamePinyin(list.name) };
  }

  /** The list of this name (whatever its case), if any. */
  idNamed(name: string): number | null {
    return (this.statements.pluck('SELECT id FROM contact_lists WHERE name = ?').get(name) as number | undefined) ?? null;
  }

  insert(name: string): number {
    return Number(this.statements.get('INSERT INTO contact_lists (name) VALUES (?)').run(name).lastInsertRowid);
  }

  rename(id: number, name: string): boolean {
    return this.statements.get('UPDATE contact_lists SET name = ? WHERE id = ?').run(name, id).changes > 0;
  }

  /** Replaces a list's members (inside the caller's transaction). */
  setMembers(id: number, members: ContactList['members']): void {
    this.statements.get('DELETE FROM contact_list_members WHERE list_id = ?').run(id);
    const insert = this.statements.get('INSERT INTO contact_list_members (list_id, position, name, address) VALUES (?, ?, ?, ?)');
    members.forEach((member, position) => insert.run(id, position, member.name, member.address));
  }

  remove(id: number): boolean {
    return this.statements.get('DELETE FROM contact_lists WHERE id = ?').run(id).changes > 0;
  }
}
