import type { ImapClient } from './imap-client';
import { leaveFolder } from './leave-folder';

/**
 * Deletes a folder, its subfolders and the mail in them on the server. The
 * subfolders go first, deepest first: a server may refuse to delete a folder
 * that has children, or (RFC 3501 6.3.4, Dovecot) delete only its mail and
 * leave it listed as \Noselect with the children still there.
 */
export async function deleteFolder(client: ImapClient, path: string): Promise<void> {
  const below = (await client.list())
    .filter((entry) => entry.delimiter && entry.path.startsWith(`${path}${entry.delimiter}`))
    .map((entry) => entry.path)
    .sort((a, b) => b.length - a.length);
  for (const folder of [...below, path]) {
    await leaveFolder(client, folder);
    await client.mailboxDelete(folder);
  }
}
