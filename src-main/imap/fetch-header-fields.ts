import type { ImapClient } from './imap-client';
import { withFolder } from './with-folder';

/**
 * The raw bytes of some header fields of one message (BODY.PEEK[HEADER.FIELDS
 * (...)], so the message stays unread), for the fields a list entry does not
 * keep: References and Reply-To for an answer. Null if the message is gone.
 */
export function fetchHeaderFields(client: ImapClient, path: string, uid: number, fields: string[]): Promise<Buffer | null> {
  return withFolder(
    client,
    path,
    async () => {
      const message = await client.fetchOne(String(uid), { uid: true, headers: fields }, { uid: true });
      return message && message.headers ? message.headers : null;
    },
    { readOnly: true },
  );
}
