/**
 * Seals secrets (passwords) before they reach the database. Each store has a
 * scheme name saved beside the sealed bytes, so the right store opens them.
 */
export interface SecretStore {
  readonly scheme: string;
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}
