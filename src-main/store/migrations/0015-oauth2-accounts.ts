import type { Migration } from './migration';

/**
 * OAuth2 sign-in (issue 9): an account logs in with its password or with an
 * OAuth2 access token. For 'oauth2' the secret named by password_secret_id
 * holds the sealed token set (access, refresh, expiry) instead of a password,
 * and oauth2_provider the endpoints and client id the tokens are refreshed
 * with (JSON; not secret).
 */
export const oauth2Accounts: Migration = {
  // Its place in MIGRATIONS (0012 lands from another branch; renumbered at merge).
  version: 15,
  name: 'oauth2-accounts',
  up: `
ALTER TABLE accounts ADD COLUMN auth TEXT NOT NULL DEFAULT 'password' CHECK (auth IN ('password', 'oauth2'));
ALTER TABLE accounts ADD COLUMN oauth2_provider TEXT;
`,
};
