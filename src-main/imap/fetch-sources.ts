import type { ImapClient } from './imap-client';
import { toSequenceSet } from './sequence-set';

/**
 * The full sources of these UIDs in the selected folder, in one FETCH,
 * handed on one by one as they arrive. When `onSource` returns a promise the
 * next source waits for it (the receiver has too much in hand). An expunged
 * message simply does not arrive.
 */
export async function fetchSources(client: ImapClient, uids: number[], onSource: (uid: number, source: Buffer) => Promise<void> | undefined): Promise<void> {
  const wanted = new Set(uids);
  for await (const message of client.fetch(toSequenceSet(uids), { uid: true, source: true }, { uid: true })) {
    if (!wanted.has(message.uid) || !message.source) continue;
    const wait = onSource(message.uid, message.source);
    if (wait) await wait;
  }
}
