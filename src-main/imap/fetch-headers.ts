import { answersByUid } from './answers-by-uid';
import type { FetchedMessage, ImapClient } from './imap-client';
import { toSequenceSet } from './sequence-set';

/**
 * What a new message's list entry needs, in one FETCH. The raw address and
 * subject headers come along because imapflow's ENVELOPE decoding loses raw
 * 8-bit (GBK) bytes and turns broken encoded words into garbage;
 * fromImapEnvelope decodes them from the bytes instead.
 */
const HEADER_QUERY = {
  uid: true, envelope: true, flags: true, size: true, internalDate: true, bodyStructure: true,
  headers: ['subject', 'from', 'to', 'cc'],
};

/**
 * The headers of these UIDs in the selected folder. A message expunged
 * meanwhile has no answer; one without ENVELOPE is left out (the next sync
 * asks again).
 */
export async function fetchHeaders(client: ImapClient, uids: number[]): Promise<FetchedMessage[]> {
  const answers = await answersByUid(client.fetch(toSequenceSet(uids), HEADER_QUERY, { uid: true }), uids);
  return [...answers.values()].filter((message) => message.envelope);
}
