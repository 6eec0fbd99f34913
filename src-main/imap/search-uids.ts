import type { ImapClient } from './imap-client';

/** Every UID of the selected folder (UID SEARCH ALL); none for an empty folder, without asking. */
export async function allUids(client: ImapClient, exists: number): Promise<number[]> {
  if (exists === 0) return [];
  return (await client.search({ all: true }, { uid: true })) || [];
}
