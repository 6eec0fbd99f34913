import type { Contact, SavedContact } from '../ipc/contract';
import type { Db } from './open-database';
import { PERSON_NAME_SORT_KEY } from './name-sort-key';
import { PERSON_NAME_PINYIN, pinyinPatterns } from './person-name-pinyin';
import { PreparedStatements } from './prepared-statements';

export interface AddressSuggestion {
  name: string;
  address: string;
  uses: number;
}

/** The Address Book's order: by name, the address where there is none; Chinese names by their pinyin (see personNameSortKey). */
const BOOK_ORDER = `ORDER BY ${PERSON_NAME_SORT_KEY}(CASE WHEN name = '' THEN address ELSE name END), address`;

/** Escapes LIKE's wildcards so a typed "%" or "_" matches itself. */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Matches what was typed anywhere in the address or the name, or (a few Latin letters) a Chinese name's pinyin from any syllable. */
const MATCHES = `(lower(address) LIKE @like ESCAPE '\\' OR lower(name) LIKE @like ESCAPE '\\' OR ${PERSON_NAME_PINYIN}(name) GLOB @pinyinAnywhere)`;

/** The GLOB patterns of typed text over a name's pinyin (null, matching nothing, unless it is a few Latin letters). */
function pinyinParameters(typed: string): { pinyinStart: string | null; pinyinAnywhere: string | null } {
  const patterns = pinyinPatterns(typed);
  return { pinyinStart: patterns?.start ?? null, pinyinAnywhere: patterns?.anywhere ?? null };
}

/**
 * Addresses seen in the store (kept by migration 0010's triggers), ranked:
 * an address or a name that starts with what was typed (or a word of the
 * name that does, or its pinyin from the surname: "zs" or "zhangs" for 张三)
 * before one that merely contains it (or "san" for 张三), then by uses, then by how recent. Matching is by
 * substring, so a Chinese name matches any of its characters typed without spaces.
 */
export class AddressBookRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  suggest(query: string, limit: number): AddressSuggestion[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return this.statements
      .get(
        `SELECT address, name, uses FROM address_book
         WHERE ${MATCHES}
         ORDER BY (lower(address) LIKE @prefix ESCAPE '\\' OR lower(name) LIKE @prefix ESCAPE '\\'
                   OR lower(name) LIKE @wordPrefix ESCAPE '\\' OR ${PERSON_NAME_PINYIN}(name) GLOB @pinyinStart) DESC,
                  uses DESC, last_used DESC, address
         LIMIT @limit`,
      )
      .all({ like: likePattern(q), prefix: `${likePattern(q).slice(1)}`, wordPrefix: `% ${likePattern(q).slice(1)}`, ...pinyinParameters(q), limit }) as AddressSuggestion[];
  }

  /**
   * The Address Book's page: every entry, or those whose address or name holds `query` (or a Chinese name
   * whose pinyin, from any of its syllables, begins with it), by name (the address where there is none), in
   * any case, Chinese names by their pinyin (see personNameSortKey).
   */
  list(query: string, offset: number, limit: number): { total: number; items: Contact[] } {
    const like = likePattern(query.trim().toLowerCase());
    const { pinyinAnywhere } = pinyinParameters(query);
    const where = `WHERE ${MATCHES}`;
    const total = this.statements.pluck(`SELECT count(*) FROM address_book ${where}`).get({ like, pinyinAnywhere }) as number;
    const rows = this.statements
      .get(
        `SELECT address, name, uses, last_used AS lastUsed, saved FROM address_book ${where}
         ${BOOK_ORDER} LIMIT @limit OFFSET @offset`,
      )
      .all({ like, pinyinAnywhere, limit, offset }) as Array<Omit<Contact, 'saved'> & { saved: number }>;
    return { total, items: rows.map((row) => ({ ...row, saved: row.saved === 1 })) };
  }

  /** The names given to addresses, up to `limit` of the most used (for reading them ahead, see preparePersonNamePinyinSoon). */
  names(limit: number): string[] {
    return this.statements.pluck("SELECT name FROM address_book WHERE name <> '' ORDER BY uses DESC LIMIT ?").all(limit) as string[];
  }

  /** Every entry, in the Address Book's order (an export). */
  all(): Contact[] {
    const rows = this.statements
      .get(`SELECT address, name, uses, last_used AS lastUsed, saved FROM address_book ${BOOK_ORDER}`)
      .all() as Array<Omit<Contact, 'saved'> & { saved: number }>;
    return rows.map((row) => ({ ...row, saved: row.saved === 1 }));
  }

  /** Whether the user added or named this address (a collected one is not: spammers' are collected too). */
  isSaved(address: string): boolean {
    return this.statements.get('SELECT 1 FROM address_book WHERE address = ? AND saved = 1').get(address) !== undefined;
  }

  /** Adds an address, or names one already there, as the user's: mail no longer renames it. */
  save(address: string, name: string): SavedContact {
    const before = this.statements.get('SELECT name FROM address_book WHERE address = ?').get(address) as { name: string } | undefined;
    this.statements
      .get(
        `INSERT INTO address_book (address, name, uses, last_used, saved) VALUES (@address, @name, 0, 0, 1)
         ON CONFLICT (address) DO UPDATE SET name = excluded.name, saved = 1`,
      )
      .run({ address, name });
    const row = this.statements.get('SELECT address, name, uses, last_used AS lastUsed, saved FROM address_book WHERE address = ?').get(address) as
      Omit<Contact, 'saved'> & { saved: number };
    return { ...row, saved: true, previousName: before?.name ?? null };
  }

  /** Removes an address (whatever its case: the key is NOCASE); false when it was not there. */
  forget(address: string): boolean {
    return this.statements.get('DELETE FROM address_book WHERE address = ?').run(address).changes > 0;
  }
}
