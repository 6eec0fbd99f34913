import type { Db } from './open-database';

export interface SealedSecret {
  scheme: string;
  sealed: Buffer;
}

/** Sealed secrets only: this table never sees a plain password. */
export class SecretsRepo {
  constructor(private readonly db: Db) {}

  put(id: string, secret: SealedSecret): void {
    this.db
      .prepare('INSERT INTO secrets (id, scheme, sealed) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET scheme = excluded.scheme, sealed = excluded.sealed')
      .run(id, secret.scheme, secret.sealed);
  }

  get(id: string): SealedSecret | undefined {
    return this.db.prepare('SELECT scheme, sealed FROM secrets WHERE id = ?').get(id) as SealedSecret | undefined;
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM secrets WHERE id = ?').run(id);
  }
}
