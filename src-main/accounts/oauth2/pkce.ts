import { createHash, randomBytes } from 'node:crypto';

/**
 * PKCE (RFC 7636) with S256: the verifier stays in this process, only its
 * hash travels with the authorization request, so a code caught on its way
 * to the loopback redirect is useless to whoever caught it.
 */
export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** 32 random bytes as base64url: 43 characters, within RFC 7636 §4.1's 43–128 of [A-Za-z0-9-._~]. */
export function createVerifier(): string {
  return randomBytes(32).toString('base64url');
}

/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))), no padding. */
export function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createPkce(): PkcePair {
  const verifier = createVerifier();
  return { verifier, challenge: challengeOf(verifier), method: 'S256' };
}

/** The `state` value (RFC 6749 §10.12): unguessable, tied to one flow. */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}
