import type { ImapClient } from './imap-client';
import { isServerRefusal } from './imap-error';

/**
 * Whether the server has a folder, by STATUS (it need not be selected, and
 * the whole folder list is not fetched). imapflow answers the NO a missing
 * folder gets with its own NotFound error (the NO inside); a connection that
 * broke still throws.
 */
export async function folderExists(client: ImapClient, path: string): Promise<boolean> {
  try {
    return Boolean(await client.status(path, { messages: true }));
  } catch (error) {
    const missing = (error as { code?: string }).code === 'NotFound' || isServerRefusal(error) || isServerRefusal((error as { response?: unknown }).response);
    if (client.usable && missing) return false;
    throw error;
  }
}
