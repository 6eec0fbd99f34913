import type { ImapClient } from './imap-client';
import { findByMessageId } from './find-by-message-id';

/**
 * findByMessageId in a folder this connection may have had selected for a
 * while: a NOOP first, so the server announces messages that arrived since
 * (Dovecot's SEARCH does not see a message appended by another session until
 * it has told this one about it), e.g. a Sent copy a server filed itself.
 */
export async function findFreshByMessageId(client: ImapClient, messageId: string): Promise<number[]> {
  await client.noop();
  return findByMessageId(client, messageId);
}
