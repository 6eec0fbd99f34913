import type { ImapClient } from './imap-client';
import { toSequenceSet } from './sequence-set';

/**
 * The full sources of these UIDs in the selected folder, in one FETCH,
 * handed on one by one as they arrive so only one is held at a time. An
 * expunged message simply does not arrive.
 */
export async function fetchSources(client: ImapClient, uids: number[], onSource: (uid: number, source: Buffer) => void): Promise<void> {
  const wanted = new Set(uids);
  for await (const message of client.fetch(toSequenceSet(uids), { uid: true, source: true }, { uid: true })) {
    if (wanted.has(message.uid) && message.source) onSource(message.uid, message.source);
  }
}
