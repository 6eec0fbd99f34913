import type { ImapClient } from './imap-client';
import { leaveFolder } from './leave-folder';

/**
 * Renames a folder on the server; its subfolders follow it there. RENAME
 * does not carry subscriptions (RFC 3501 6.3.5; Dovecot keeps them under
 * the old names), so the subscribed paths among `subscribed` (the folder and
 * those below it) are subscribed again under their new names.
 */
export async function renameFolder(client: ImapClient, from: string, to: string, subscribed: string[]): Promise<string> {
  await leaveFolder(client, from);
  const renamed = await client.mailboxRename(from, to);
  for (const old of subscribed) {
    await client.mailboxUnsubscribe(old);
    await client.mailboxSubscribe(renamed.newPath + old.slice(from.length));
  }
  return renamed.newPath;
}
