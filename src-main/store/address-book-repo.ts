import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

export interface AddressSuggestion {
  name: string;
  address: string;
  uses: number;
}

/** Escapes LIKE's wildcards so a typed "%" or "_" matches itself. */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Addresses seen in the store (kept by migration 0010's triggers), ranked:
 * an address or a name that starts with what was typed (or a word of the
 * name that does) before one that merely contains it, then by uses, then by
 * how recent. Matching is by substring, so a Chinese name matches any of its
 * characters typed without spaces.
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
         WHERE lower(address) LIKE @like ESCAPE '\\' OR lower(name) LIKE @like ESCAPE '\\'
         ORDER BY (lower(address) LIKE @prefix ESCAPE '\\' OR lower(name) LIKE @prefix ESCAPE '\\'
                   OR lower(name) LIKE @wordPrefix ESCAPE '\\') DESC,
                  uses DESC, last_used DESC, address
         LIMIT @limit`,
      )
      .all({ like: likePattern(q), prefix: `${likePattern(q).slice(1)}`, wordPrefix: `% ${likePattern(q).slice(1)}`, limit }) as AddressSuggestion[];
  }

  /** Removes an address (whatever its case: the key is NOCASE); false when it was not there. */
  forget(address: string): boolean {
    return this.statements.get('DELETE FROM address_book WHERE address = ?').run(address).changes > 0;
  }
}
