import { buffer } from 'node:stream/consumers';
import { createReadStream } from 'node:fs';
import type { ImapSessions } from '../imap/imap-sessions';
import { appendMessage } from '../imap/append-message';
import { findFreshByMessageId } from '../imap/find-fresh-by-message-id';
import { withFolder } from '../imap/with-folder';
import { listRemoteFolders } from '../imap/folder-list';
import type { Store } from '../store/store';
import type { OutboxRecord } from '../store/outbox-repo';
import { fileLocalSentCopy } from './local-sent-copy';

export type SentCopyOutcome = 'filed' | 'foundThere' | 'noSentFolder';

/**
 * The Sent copy of a message the server accepted. Never two copies: the Sent
 * folder is searched for the Message-ID first, so a copy filed before a crash
 * is not filed again, and a server that files sent mail itself (Gmail,
 * Outlook) is noticed when the message is already there: the account is then
 * remembered as one whose server files sent mail, and Wren stops appending
 * for it. A POP3 account has no Sent folder on its server: its copy goes into
 * a local Sent folder.
 */
export class SentCopies {
  constructor(private readonly store: Store, private readonly sessions: ImapSessions) {}

  /** The Sent folder as the last sync stored it, or (never synced: a first `wren send`) as the server lists it now. */
  async sentFolderPath(accountId: number): Promise<string | null> {
    const known = this.store.db
      .prepare(`SELECT path FROM folders WHERE account_id = ? AND role = 'sent' AND is_local = 0 ORDER BY id LIMIT 1`)
      .pluck()
      .get(accountId) as string | undefined;
    if (known) return known;
    const synced = this.store.db.prepare('SELECT 1 FROM folders WHERE account_id = ? LIMIT 1').get(accountId);
    if (synced) return null;
    const listed = await this.sessions.use(accountId, 'read', (client) => listRemoteFolders(client));
    return listed.find((folder) => folder.role === 'sent')?.path ?? null;
  }

  /** Whether the message is in the account's Sent folder (null: no Sent folder known). */
  async isInSent(accountId: number, messageId: string): Promise<boolean | null> {
    // A POP3 account's local Sent holds only what Wren filed after the server accepted it: it cannot tell.
    if (this.isPop3(accountId)) return null;
    const path = await this.sentFolderPath(accountId);
    if (!path) return null;
    return this.sessions.use(accountId, 'read', (client) =>
      withFolder(client, path, async () => (await findFreshByMessageId(client, messageId)).length > 0, { readOnly: true }),
    );
  }

  async file(entry: OutboxRecord): Promise<SentCopyOutcome> {
    if (this.isPop3(entry.accountId)) return fileLocalSentCopy(this.store, entry);
    const path = await this.sentFolderPath(entry.accountId);
    if (!path) return 'noSentFolder';
    return this.sessions.use(entry.accountId, 'read', async (client) => {
      const there = await withFolder(client, path, async () => (await findFreshByMessageId(client, entry.messageId)).length > 0, { readOnly: true });
      if (there) return 'foundThere';
      const content = this.store.outbox.source(entry.id) ?? (await buffer(createReadStream(this.store.blobs.pathOf(entry.blob))));
      await appendMessage(client, path, content, ['\\Seen']);
      return 'filed';
    });
  }

  private isPop3(accountId: number): boolean {
    return this.store.accounts.get(accountId)?.protocol === 'pop3';
  }
}
