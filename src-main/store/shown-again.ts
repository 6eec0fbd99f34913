/*
 * Servers that show messages again in view folders (RFC 6154: \\All, \\Flagged), as SQL
 * conditions on a message `m` in folder `f`, for the lists that span folders (search, the
 * Unread and Flagged views), so each message is listed once.
 */

/**
 * How far a folder is from being a message's own place: 0 for a real folder,
 * then the folders a server fills with every message (\\All: Gmail's All
 * Mail) and with the flagged ones (\\Flagged: Starred), RFC 6154. Those show
 * each message again, so a search of every folder would name it two or
 * three times.
 */
export function viewRank(folder: string): string {
  return `CASE ${folder}.role WHEN 'all' THEN 1 WHEN 'flagged' THEN 2 ELSE 0 END`;
}

/**
 * A hit that the same message (its Message-ID, in the same account) also
 * makes from a folder of lower rank is left out: a message is found in its
 * own folder, an archived one in All Mail, never in Starred beside either.
 */
export const NOT_SHOWN_AGAIN = `NOT (${viewRank('f')} > 0 AND m.message_id IS NOT NULL AND EXISTS (
  SELECT 1 FROM messages o JOIN folders g ON g.id = o.folder_id
  WHERE o.message_id = m.message_id AND g.account_id = f.account_id AND ${viewRank('g')} < ${viewRank('f')}))`;
