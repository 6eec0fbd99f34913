import { randomUUID } from 'node:crypto';
import { WrenError } from '../errors/wren-error';
import type { SecretsRepo } from '../store/secrets-repo';
import type { SecretStore } from './secret-store';

/** Stores and opens account passwords; only sealed bytes reach the database. */
export class PasswordVault {
  constructor(private readonly repo: SecretsRepo, private readonly store: SecretStore) {}

  /** Seals a password and returns the id the account row keeps. */
  save(plain: string, id: string = randomUUID()): string {
    this.repo.put(id, { scheme: this.store.scheme, sealed: this.store.seal(plain) });
    return id;
  }

  open(id: string): string {
    const sealed = this.repo.get(id);
    if (!sealed) throw new WrenError('SecretUnavailable', 'The saved password is missing. Enter the password again.');
    if (sealed.scheme !== this.store.scheme) {
      throw new WrenError(
        'SecretUnavailable',
        `This password was saved by ${sealed.scheme === 'electron-safe-storage' ? 'the desktop app (system keychain)' : `another store (${sealed.scheme})`} and cannot be opened here. Enter the password again.`,
        { scheme: sealed.scheme },
      );
    }
    return this.store.open(sealed.sealed);
  }

  remove(id: string): void {
    this.repo.remove(id);
  }
}
