import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { WrenError } from '../errors/wren-error';
import type { SecretStore } from './secret-store';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Outside Electron (web mode, CLI) there is no safeStorage. Passwords are
 * sealed with AES-256-GCM under a random key kept in a 0600 file in the
 * user's config folder, deliberately NOT in the data folder: a copy or backup
 * of the data folder (database included) then holds no readable password.
 * It does not protect against code running as the same user, like any
 * keyring-less store (Chromium's "basic" store on Linux is the same).
 */
export class KeyFileSecretStore implements SecretStore {
  readonly scheme = 'aes-256-gcm-keyfile';
  private key: Buffer | null = null;

  constructor(readonly keyFile: string = defaultKeyFile()) {}

  seal(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.loadKey(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): string {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.loadKey(), sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new WrenError('SecretUnavailable', `A saved password cannot be opened with the key in ${this.keyFile} (was the key file replaced?). Enter the password again.`, { keyFile: this.keyFile }, { cause: error });
    }
  }

  private loadKey(): Buffer {
    if (this.key) return this.key;
    try {
      this.key = readFileSync(this.keyFile);
      if ((statSync(this.keyFile).mode & 0o077) !== 0) chmodSync(this.keyFile, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw this.unavailable(error);
      this.key = this.createKey();
    }
    if (this.key.length !== KEY_BYTES) throw this.unavailable(new Error('wrong key length'));
    return this.key;
  }

  /**
   * A new key, or the one another process (the app and a `wren` command
   * starting together) put there first: written whole to a file of its own,
   * then linked into place, which fails if the key file exists, so no process
   * ever reads a half-written key or replaces one already used.
   */
  private createKey(): Buffer {
    const key = randomBytes(KEY_BYTES);
    const draft = `${this.keyFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      mkdirSync(dirname(this.keyFile), { recursive: true, mode: 0o700 });
      writeFileSync(draft, key, { mode: 0o600, flag: 'wx' });
      linkInPlace(draft, this.keyFile, key);
      return key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return this.readKey();
      throw this.unavailable(error);
    } finally {
      rmSync(draft, { force: true });
    }
  }

  private readKey(): Buffer {
    try {
      return readFileSync(this.keyFile);
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  private unavailable(cause: unknown): WrenError {
    return new WrenError('SecretUnavailable', `Cannot use the password key file ${this.keyFile}: ${(cause as Error).message}`, { keyFile: this.keyFile }, { cause });
  }
}

/** Errors of a file system that has no hard links (FAT, exFAT, some network and FUSE mounts). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Links the drafted key into place; where hard links do not exist, writes it
 * there with an exclusive create instead: still never replacing a key, and a
 * 32-byte write leaves a reader too little time to see half of it.
 */
function linkInPlace(draft: string, keyFile: string, key: Buffer): void {
  try {
    linkSync(draft, keyFile);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    writeFileSync(keyFile, key, { mode: 0o600, flag: 'wx' });
  }
}

/** `$WREN_KEY_FILE`, else `$XDG_CONFIG_HOME/wren/secret.key` (default ~/.config). */
export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WREN_KEY_FILE) return env.WREN_KEY_FILE;
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(configHome, 'wren', 'secret.key');
}
