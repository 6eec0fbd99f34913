import type { ImapClient } from './imap-client';

/**
 * Files a message in a folder (the Sent copy). imapflow's APPEND takes the
 * message whole, so the caller reads it into memory for this one command.
 */
export async function appendMessage(client: ImapClient, path: string, content: Buffer, flags: string[]): Promise<number | null> {
  const result = await client.append(path, content, flags);
  return result && typeof result.uid === 'number' ? result.uid : null;
}
