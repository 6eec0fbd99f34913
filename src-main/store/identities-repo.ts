import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

export interface IdentityRow {
  id: number;
  accountId: number;
  name: string;
  email: string;
  replyTo: string | null;
  signature: string | null;
  isDefault: boolean;
}

/** The From addresses set up for an account (several per account, each with its name, reply-to and signature). */
export class IdentitiesRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  list(accountId: number): IdentityRow[] {
    const rows = this.statements
      .get(
        `SELECT id, account_id AS accountId, name, email, reply_to AS replyTo, signature, is_default AS isDefault
         FROM identities WHERE account_id = ? ORDER BY is_default DESC, id`,
      )
      .all(accountId) as (Omit<IdentityRow, 'isDefault'> & { isDefault: number })[];
    return rows.map((row) => ({ ...row, isDefault: row.isDefault === 1 }));
  }

  insert(identity: Omit<IdentityRow, 'id'>): number {
    const result = this.statements
      .get('INSERT INTO identities (account_id, name, email, reply_to, signature, is_default) VALUES (?, ?, ?, ?, ?, ?)')
      .run(identity.accountId, identity.name, identity.email, identity.replyTo, identity.signature, identity.isDefault ? 1 : 0);
    return Number(result.lastInsertRowid);
  }

  get(identityId: number): IdentityRow | undefined {
    const row = this.statements
      .get('SELECT id, account_id AS accountId, name, email, reply_to AS replyTo, signature, is_default AS isDefault FROM identities WHERE id = ?')
      .get(identityId) as (Omit<IdentityRow, 'isDefault'> & { isDefault: number }) | undefined;
    return row && { ...row, isDefault: row.isDefault === 1 };
  }

  update(identity: IdentityRow): void {
    this.statements
      .get('UPDATE identities SET name = ?, email = ?, reply_to = ?, signature = ?, is_default = ? WHERE id = ?')
      .run(identity.name, identity.email, identity.replyTo, identity.signature, identity.isDefault ? 1 : 0, identity.id);
  }

  remove(identityId: number): void {
    this.statements.get('DELETE FROM identities WHERE id = ?').run(identityId);
  }

  /** Makes `identityId` the account's only default. */
  makeDefault(accountId: number, identityId: number): void {
    this.statements.get('UPDATE identities SET is_default = (id = ?) WHERE account_id = ?').run(identityId, accountId);
  }
}
