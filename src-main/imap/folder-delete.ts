import { WrenError } from '../errors/wren-error';
import type { ImapClient } from './imap-client';
import { leaveFolder } from './leave-folder';

/**
 * Deletes a folder, its subfolders and the mail in them on the server. The
 * subfolders go first, deepest first: a server may refuse to delete a folder
 * that has children, or (RFC 3501 6.3.4, Dovecot) delete only its mail and
 * leave it listed as \Noselect with the children still there.
 *
 * `confirmed`: the subfolders the user agreed to delete. A subfolder the
 * server has beyond those (another device made it since) stops the delete
 * before anything is removed (FolderHasNewSubfolders); one of them gone
 * already is simply not there to delete. Null (an entry older than the
 * record): whatever subfolders the server has.
 */
export async function deleteFolder(client: ImapClient, path: string, confirmed: readonly string[] | null): Promise<void> {
  const below = (await client.list())
    .filter((entry) => entry.delimiter && entry.path.startsWith(`${path}${entry.delimiter}`))
    .map((entry) => entry.path)
    .sort((a, b) => b.length - a.length);
  const unconfirmed = confirmed ? below.filter((folder) => !confirmed.includes(folder)) : [];
  if (unconfirmed.length) {
    throw new WrenError('FolderHasNewSubfolders', `${path} has subfolders made elsewhere since the delete was confirmed: ${unconfirmed.join(', ')}. Nothing was deleted.`, {
      folder: path,
      subfolders: unconfirmed,
    });
  }
  for (const folder of [...below, path]) {
    await leaveFolder(client, folder);
    await client.mailboxDelete(folder);
  }
}
