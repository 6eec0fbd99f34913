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
    if (isMissingFolder(client, error)) return false;
    throw error;
  }
}

/** A STATUS refused while the connection is fine: the folder is not there (imapflow's NotFound, or the NO itself). */
export function isMissingFolder(client: ImapClient, error: unknown): boolean {
  const missing = (error as { code?: string }).code === 'NotFound' || isServerRefusal(error) || isServerRefusal((error as { response?: unknown }).response);
  return client.usable && missing;
}
