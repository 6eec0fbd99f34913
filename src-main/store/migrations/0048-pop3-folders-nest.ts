import type { Migration } from './migration';

/**
 * A POP3 account's folders, kept here only, nest with "/" as the Local Folders do: a folder deleted in the account
 * moves into its Trash (as Thunderbird does) instead of going for good, which a Trash without a delimiter could not
 * hold. An account with a folder whose name holds "/" (allowed while they were flat) stays flat: that name would
 * read as a path.
 */
export const pop3FoldersNest: Migration = {
  // Its place in MIGRATIONS.
  version: 48,
  name: 'pop3-folders-nest',
  up: `
UPDATE folders SET delimiter = '/'
  WHERE delimiter IS NULL AND is_local = 1
    AND account_id IN (SELECT id FROM accounts WHERE protocol = 'pop3')
    AND account_id NOT IN (SELECT account_id FROM folders WHERE account_id IS NOT NULL AND path LIKE '%/%');
`,
};
