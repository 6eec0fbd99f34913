import { normalizeMessageId } from '../mime/header-fields';
import { answersByUid } from './answers-by-uid';
import type { ImapClient } from './imap-client';
import { toSequenceSet } from './sequence-set';

/**
 * The UIDs of the messages with this Message-ID in the selected folder.
 * SEARCH HEADER matches substrings, so each candidate's own Message-ID is
 * checked before it counts.
 */
export async function findByMessageId(client: ImapClient, messageId: string | null): Promise<number[]> {
  if (!messageId) return [];
  const candidates = (await client.search({ header: { 'Message-ID': messageId } }, { uid: true })) || [];
  if (candidates.length === 0) return [];
  const answers = await answersByUid(client.fetch(toSequenceSet(candidates), { uid: true, envelope: true }, { uid: true }), candidates);
  return [...answers.values()].filter((message) => normalizeMessageId(message.envelope?.messageId) === messageId).map((message) => message.uid);
}
