import { answersByUid, answersInRange } from './answers-by-uid';
import { fetchLostNameHeaders } from './fetch-lost-name-headers';
import type { FetchedMessage, ImapClient } from './imap-client';
import { runHeaderFetch } from './run-fetch';
import { toSequenceSet } from './sequence-set';

/**
 * What a new message's list entry needs, in one FETCH. The header fields come
 * raw, not as ENVELOPE: imapflow's ENVELOPE decoding loses raw 8-bit (GBK)
 * bytes and turns broken encoded words into garbage, so fromImapEnvelope
 * decodes the fields from their bytes; parsing and decoding an ENVELOPE as
 * well only cost time (about a third of imapflow's work on a header sync).
 */
export const HEADER_FIELDS = ['date', 'subject', 'from', 'sender', 'to', 'cc', 'message-id', 'in-reply-to', 'references', 'x-priority', 'importance'];

/**
 * The headers of these UIDs in the selected folder. A message expunged
 * meanwhile has no answer; one whose header fields did not come is left out
 * (the next sync asks again).
 */
export async function fetchHeaders(client: ImapClient, uids: number[]): Promise<FetchedMessage[]> {
  const answers = await answersByUid(await runHeaderFetch(client, toSequenceSet(uids), HEADER_FIELDS, { uid: true }), uids);
  return withLostNames(client, [...answers.values()].filter((message) => message.headers !== undefined));
}

/**
 * The headers of the messages at sequence numbers `from`..`to` of the selected folder. For a folder with
 * nothing cached: every message is new, so no UID SEARCH ALL has to come first (half a second on 10,000).
 */
export async function fetchHeadersInRange(client: ImapClient, from: number, to: number): Promise<FetchedMessage[]> {
  const answers = await answersInRange(await runHeaderFetch(client, `${from}:${to}`, HEADER_FIELDS, { uid: false }), from, to);
  return withLostNames(client, [...answers.values()].filter((message) => message.headers !== undefined));
}

/** The same messages, those whose file names BODYSTRUCTURE lost with their parts' MIME headers (see fetch-lost-name-headers.ts). */
async function withLostNames(client: ImapClient, messages: FetchedMessage[]): Promise<FetchedMessage[]> {
  await fetchLostNameHeaders(client, messages);
  return messages;
}
