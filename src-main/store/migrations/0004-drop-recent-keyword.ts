import type { Migration } from './migration';

/**
 * \Recent is a session flag (only the first IMAP session to see a new message
 * gets it), but earlier versions stored it among the keywords, so every
 * message showed it. Removed from the keywords list, which is space separated.
 */
export const dropRecentKeyword: Migration = {
  version: 4,
  name: 'drop-recent-keyword',
  up: `
UPDATE messages SET keywords = trim(replace(' ' || keywords || ' ', ' \\Recent ', ' '))
WHERE ' ' || keywords || ' ' LIKE '% \\Recent %';
`,
};
