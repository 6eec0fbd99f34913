import { safeStorage } from 'electron';
import type { SecretStore } from '../secrets/secret-store';

/** The desktop app's store: the OS keychain (Keychain, DPAPI, libsecret/kwallet) through Electron. */
export class SafeStorageSecretStore implements SecretStore {
  readonly scheme = 'electron-safe-storage';

  seal(plain: string): Buffer {
    return safeStorage.encryptString(plain);
  }

  open(sealed: Buffer): string {
    return safeStorage.decryptString(sealed);
  }
}

/**
 * On Linux without a keyring safeStorage falls back to a hard-coded key
 * ("basic_text"), which is no protection; the key-file store is used then.
 */
export function safeStorageIsReal(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}
