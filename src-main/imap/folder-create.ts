import type { ImapClient } from './imap-client';

/**
 * Creates a folder and subscribes it, as users expect a folder they made to
 * show. imapflow encodes a non-ASCII path in modified UTF-7 when the server
 * does not accept UTF-8. Returns the path as the server now lists it.
 */
export async function createFolder(client: ImapClient, path: string): Promise<string> {
  const created = await client.mailboxCreate(path);
  await client.mailboxSubscribe(created.path);
  return created.path;
}
