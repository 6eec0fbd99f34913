import type { ImapClient } from './imap-client';
import { withFolder } from './with-folder';

/**
 * One message's whole header block (BODY.PEEK[HEADER], so the message stays unread), for the fields its list
 * entry does not keep: list links, a receipt request, the priority, an answer's References and Reply-To.
 * Null if the message is gone.
 */
export function fetchHeaderBlock(client: ImapClient, path: string, uid: number): Promise<Buffer | null> {
  return withFolder(
    client,
    path,
    async () => {
      const message = await client.fetchOne(String(uid), { uid: true, headers: true }, { uid: true });
      return message && message.headers ? message.headers : null;
    },
    { readOnly: true },
  );
}
