import type { ImapClient } from './imap-client';
import { leaveFolder } from './leave-folder';

/** Deletes a folder and the mail in it on the server. */
export async function deleteFolder(client: ImapClient, path: string): Promise<void> {
  await leaveFolder(client, path);
  await client.mailboxDelete(path);
}
