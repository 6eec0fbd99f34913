import { z } from 'zod';

/** What is sealed in the vault for an OAuth2 account, in place of a password. */
export const TokenSet = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().nullable(),
  /** Epoch ms when the token was issued and when it stops working (issue time + expires_in). */
  issuedAt: z.number(),
  expiresAt: z.number(),
});
export type TokenSet = z.infer<typeof TokenSet>;

/** Refresh this long before expiry, so a token never expires in the middle of a login. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Whether to refresh before using the token: within the margin of its expiry,
 * or past half its life when it lives less than twice the margin (a
 * 5-minute token would otherwise be refreshed at every use).
 */
export function refreshDue(tokens: TokenSet, now: number): boolean {
  const margin = Math.min(REFRESH_MARGIN_MS, (tokens.expiresAt - tokens.issuedAt) / 2);
  return now >= tokens.expiresAt - margin;
}

export function sealable(tokens: TokenSet): string {
  return JSON.stringify(tokens);
}

export function parseTokenSet(plain: string): TokenSet {
  return TokenSet.parse(JSON.parse(plain));
}
