import type { ImapClient } from './imap-client';

/**
 * imapflow keeps the last folder selected after its lock is released; a
 * server may refuse to rename or delete the selected folder (or drop the
 * connection over it), so it is closed first.
 */
export async function leaveFolder(client: ImapClient, path: string): Promise<void> {
  if (client.mailbox && client.mailbox.path === path) await client.mailboxClose();
}
