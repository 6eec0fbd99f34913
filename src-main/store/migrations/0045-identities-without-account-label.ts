import type { Migration } from './migration';

/**
 * Wren named an account's first identity after the account when the user gave no name of their own, so its
 * mail went out as `From: "Work mail" <alice@example.com>` (or the address twice, the account's name being
 * the address unless changed): the account's name is a label in Wren's folder pane, not the sender's name.
 * Such identities lose that name and send from the bare address, as Thunderbird does without "Your name".
 * An identity whose name the user set (it differs from the account's) keeps it.
 */
export const identitiesWithoutAccountLabel: Migration = {
  // Its place in MIGRATIONS.
  version: 45,
  name: 'identities-without-account-label',
  up: `
UPDATE identities SET name = ''
  WHERE is_default = 1
    AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = identities.account_id AND a.display_name = '' AND a.name = identities.name);
`,
};
