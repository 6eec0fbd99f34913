import { answersByUid } from './answers-by-uid';
import type { ImapClient } from './imap-client';
import { toSequenceSet } from './sequence-set';

export interface MessageFlags {
  uid: number;
  flags: string[];
  modseq: number | null;
}

/**
 * The flags of these UIDs in the selected folder; with `changedSince`
 * (CONDSTORE) only those of messages changed after that MODSEQ.
 */
export async function fetchFlags(client: ImapClient, uids: number[], changedSince: number | null): Promise<MessageFlags[]> {
  const options = changedSince !== null ? { uid: true, changedSince: BigInt(changedSince) } : { uid: true };
  const answers = await answersByUid(client.fetch(toSequenceSet(uids), { uid: true, flags: true }, options), uids);
  return [...answers.values()]
    .filter((message) => message.flags)
    .map((message) => ({ uid: message.uid, flags: [...message.flags!], modseq: message.modseq !== undefined ? Number(message.modseq) : null }));
}
