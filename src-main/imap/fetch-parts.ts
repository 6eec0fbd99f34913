import type { ImapClient } from './imap-client';

/**
 * Some body parts of one message of the selected folder, raw (still in their
 * transfer encoding), in one FETCH with BODY.PEEK so nothing is marked read
 * as a side effect. Empty when the message is gone.
 */
export async function fetchParts(client: ImapClient, uid: number, parts: string[]): Promise<Map<string, Buffer>> {
  const message = await client.fetchOne(String(uid), { uid: true, bodyParts: parts }, { uid: true });
  return message ? message.bodyParts ?? new Map() : new Map();
}
