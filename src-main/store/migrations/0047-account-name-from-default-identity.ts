import type { Migration } from './migration';

/**
 * An account's "Your name" (display_name) is its default identity's name: Edit account renames that identity, and
 * since an identity edit sets the account's name too (compose/identity-editing.ts). An account whose default
 * identity was renamed in Settings before then kept the old name in Edit account; it takes the identity's now.
 */
export const accountNameFromDefaultIdentity: Migration = {
  // Its place in MIGRATIONS.
  version: 47,
  name: 'account-name-from-default-identity',
  up: `
UPDATE accounts
  SET display_name = (SELECT i.name FROM identities i WHERE i.account_id = accounts.id AND i.is_default = 1)
  WHERE EXISTS (SELECT 1 FROM identities i WHERE i.account_id = accounts.id AND i.is_default = 1 AND i.name IS NOT accounts.display_name);
`,
};
