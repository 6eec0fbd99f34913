import type { Address } from '../ipc/contract';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

/** What a new message gives the address book. */
export interface AddressesOfMessage {
  from: Address;
  to: Address[];
  cc: Address[];
  sortDate: number;
}

interface Use {
  address: string;
  name: string;
  uses: number;
  lastUsed: number;
}

/** Mail the user sent counts its recipients this many times: people one writes to are the likeliest next. */
const SENT_WEIGHT = 3;

/** Bound by position (address, name, uses, last used): cheaper than named values, and it runs once per address of a sync. */
const UPSERT = `INSERT INTO address_book (address, name, uses, last_used) VALUES (?, ?, ?, ?)
  ON CONFLICT (address) DO UPDATE SET uses = uses + excluded.uses,
    name = CASE WHEN saved = 0 AND excluded.name <> '' THEN excluded.name ELSE name END,
    last_used = max(last_used, excluded.last_used)`;

/** SQL LIKE '%_@_%': something on each side of an "@". */
const LOOKS_LIKE_ADDRESS = /.@./su;

/** The address book's key is COLLATE NOCASE, which folds ASCII letters only. */
function nocaseKey(address: string): string {
  return address.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/**
 * Counts the addresses of newly stored messages in the address book (see
 * migrations 0010 and 0012): From once, To and Cc once each (three times in a
 * Sent folder), nothing in Drafts. A batch is counted together, one upsert
 * per distinct address, so a header sync pays little for it.
 */
export class AddressBookLearning {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /** The messages just inserted into folderId (not those a resumed sync only refreshed). */
  learn(folderId: number, messages: readonly AddressesOfMessage[]): void {
    if (messages.length === 0) return;
    const role = this.statements.pluck('SELECT role FROM folders WHERE id = ?').get(folderId) as string | null | undefined;
    if (role === 'drafts') return;
    const recipientWeight = role === 'sent' ? SENT_WEIGHT : 1;
    const uses = new Map<string, Use>();
    for (const message of messages) {
      count(uses, message.from, 1, message.sortDate);
      for (const to of message.to) count(uses, to, recipientWeight, message.sortDate);
      for (const cc of message.cc) count(uses, cc, recipientWeight, message.sortDate);
    }
    const upsert = this.statements.get(UPSERT);
    for (const use of uses.values()) upsert.run(use.address, use.name, use.uses, use.lastUsed);
  }

  /** A copy of a stored message (made in SQL from its row) counts as a new message too. */
  learnStored(messageId: number): void {
    const row = this.statements
      .get('SELECT folder_id AS folderId, from_name, from_addr, to_json, cc_json, sort_date AS sortDate FROM messages WHERE id = ?')
      .get(messageId) as { folderId: number; from_name: string; from_addr: string; to_json: string; cc_json: string; sortDate: number } | undefined;
    if (!row) return;
    const from = { name: row.from_name, address: row.from_addr };
    this.learn(row.folderId, [{ from, to: addressList(row.to_json), cc: addressList(row.cc_json), sortDate: row.sortDate }]);
  }
}

function count(uses: Map<string, Use>, address: Partial<Address> | null | undefined, weight: number, sortDate: number): void {
  const text = address?.address;
  if (typeof text !== 'string' || !LOOKS_LIKE_ADDRESS.test(text)) return;
  const name = typeof address?.name === 'string' ? address.name : '';
  const key = nocaseKey(text);
  const known = uses.get(key);
  if (!known) {
    uses.set(key, { address: text, name, uses: weight, lastUsed: sortDate });
    return;
  }
  known.uses += weight;
  if (name !== '') known.name = name;
  known.lastUsed = Math.max(known.lastUsed, sortDate);
}

/** A stored To or Cc column; anything unreadable counts as no address, as the trigger's json_valid did. */
/** A stored address list (to_json, cc_json); one that does not parse reads as none. */
export function addressList(json: string): Address[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? (list as Address[]) : [];
  } catch {
    return [];
  }
}
