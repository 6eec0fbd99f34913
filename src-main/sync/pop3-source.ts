import { codedWarning } from '../errors/warning-codes';
import { WrenError } from '../errors/wren-error';
import type { Pop3Policy } from '../ipc/contract';
import type { Pop3Client, Pop3Error } from '../pop3/pop3-client';
import { flushWal } from '../store/flush-wal';
import { LOCAL_TRASH, type FolderRecord } from '../store/folders-repo';
import type { ServerFolder } from './server-folder';
import type { Store } from '../store/store';
import type { MailSource } from './mail-source';
import { downloadNew } from './pop3/download-new';
import { listMaildrop, type MaildropEntry, type MaildropListing } from './pop3/maildrop-listing';
import { Pop3Recorder } from './pop3/pop3-recorder';
import { adoptRenumbered } from './pop3/renumbered-uidls';
import { messagesToDelete } from './pop3/server-deletions';
import type { FolderProgress, FolderSyncResult } from './sync-folder';

export const POP3_INBOX_PATH = 'INBOX';

export interface Pop3SourceOptions {
  policy: Pop3Policy;
  /** The clock that dates downloads and ages them for "delete after N days" (tests move it). */
  now?: () => number;
  /** Told of what the check set aside or recognised (duplicated or changed UIDLs), for a log. */
  note?: (line: string) => void;
}

/**
 * A POP3 account behind MailSource: one folder, the account's local Inbox.
 * A check lists the maildrop, downloads every UIDL not held yet (each
 * message committed with its UIDL before anything is deleted), then sends
 * the DELEs its policy asks for. Those take effect only when the caller
 * ends the session with QUIT; a session that breaks off deletes nothing.
 */
export class Pop3Source implements MailSource {
  private readonly now: () => number;
  /** Coded warnings of the last check (duplicated or changed UIDLs), for the sync summary. */
  readonly warnings: string[] = [];

  constructor(private readonly client: Pop3Client, private readonly store: Store, private readonly accountId: number, private readonly options: Pop3SourceOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * POP3 keeps no flags or folders: journaled changes are local only. A local
   * delete already cleared the UIDL's row link in its own transaction, which
   * is what the policy "delete when deleted locally" acts on.
   */
  async pushLocalChanges(): Promise<void> {
    const entries = this.store.operations.unfinished(this.accountId);
    if (entries.length === 0) return;
    this.store.write(() => {
      for (const entry of entries) {
        if (entry.state === 'pending') this.store.operations.claim(entry.id);
        this.store.operations.finish(entry.id);
      }
    });
  }

  async listFolders(): Promise<ServerFolder[]> {
    // Its Trash from the start, where Delete puts its mail (journal/apply-operation.ts), as Thunderbird shows one.
    this.store.write(() => {
      this.store.folders.ensureLocal(this.accountId, POP3_INBOX_PATH, 'Inbox', 'inbox');
      this.store.folders.ensureLocal(this.accountId, LOCAL_TRASH, LOCAL_TRASH, 'trash');
    });
    return [{ path: POP3_INBOX_PATH, name: 'Inbox', parentPath: null, delimiter: null, role: 'inbox', selectable: true, subscribed: true }];
  }

  async syncFolder(folder: FolderRecord, onProgress: FolderProgress): Promise<FolderSyncResult> {
    // The account's other folders (Sent, Drafts, Trash, the user's) are kept here only: the check is the
    // Inbox's. Before, each of them ran the whole check again, DELE included, in the same session.
    if (folder.path !== POP3_INBOX_PATH) return { newMessages: 0, removedMessages: 0, flagUpdates: 0 };
    // Without UIDL, messages are named by their headers only when they are deleted after download (see maildrop-listing.ts).
    const listing = await listMaildrop(this.client, { headerIdentities: this.options.policy.leave === 'delete' });
    if (listing.duplicated.length) {
      this.warnings.push(codedWarning('Pop3UidlsDuplicated'));
      this.options.note?.(`[pop3] ${listing.duplicated.length} UIDL(s) are given to more than one message; those messages stay on the server, not downloaded: ${listing.duplicated.slice(0, 5).join(', ')}`);
    }
    const newMessages = await this.download(folder, listing, onProgress);
    await this.deleteOnServer(listing);
    this.store.write(() => this.store.pop3Uidls.forgetGone(this.accountId, listing.onServer));
    return { newMessages, removedMessages: 0, flagUpdates: 0 };
  }

  /** Every message comes whole (or as its top) with the check: there is nothing left to fetch. */
  async fetchBodies(): Promise<number> {
    return 0;
  }

  /** POP3 has no way to ask how full the maildrop may get. */
  async readQuota(): Promise<null> {
    return null;
  }

  folderRefusal(): WrenError | null {
    return null;
  }

  private async download(folder: FolderRecord, listing: MaildropListing, onProgress: FolderProgress): Promise<number> {
    const held = this.store.pop3Uidls.held(this.accountId);
    const unknown = listing.entries.filter((entry) => !held.has(entry.uidl));
    const { fresh, adopted, unsure } = await adoptRenumbered(this.client, this.store, this.accountId, unknown, listing.onServer);
    if (adopted > 0) {
      this.warnings.push(codedWarning('Pop3UidlsChanged'));
      this.options.note?.(`[pop3] the server changed the UIDLs of ${adopted} message(s) already stored; they were recognised by Message-ID and size, not downloaded again`);
    }
    // Maybe stored already under an old UIDL (TOP refused, so not recognised): downloading could store it twice.
    const refused = unsure.map((entry) => `${entry.uidl} (TOP refused)`);
    const done = await this.downloadFresh(folder, fresh, onProgress, (entry, refusal) => refused.push(`${entry.uidl} (${refusal.serverText})`));
    if (refused.length) {
      // Not held, so neither deleted on the server nor forgotten: the next check asks for them again.
      this.warnings.push(codedWarning('Pop3MessagesRefused'));
      this.options.note?.(`[pop3] the server refused ${refused.length} message(s) listed by UIDL (deleted by another client meanwhile?); left for the next check: ${refused.slice(0, 5).join(', ')}`);
    }
    return done;
  }

  private async downloadFresh(folder: FolderRecord, fresh: MaildropEntry[], onProgress: FolderProgress, onRefused: (entry: MaildropEntry, refusal: Pop3Error) => void): Promise<number> {
    const totalBytes = fresh.reduce((sum, entry) => sum + entry.size, 0);
    let done = 0;
    let bytes = 0;
    onProgress(0, fresh.length, { done: 0, total: totalBytes });
    if (fresh.length === 0) return 0;
    const recorder = new Pop3Recorder(this.store, { accountId: this.accountId, folderId: folder.id, now: this.now }, (count, size) => {
      done += count;
      bytes += size;
      onProgress(done, fresh.length, { done: bytes, total: totalBytes });
    });
    const maxBytes = this.options.policy.maxMessageKb === null ? null : this.options.policy.maxMessageKb * 1024;
    try {
      await downloadNew(this.client, this.store, fresh, { accountId: this.accountId, maxBytes, now: this.now, onRefused }, recorder);
    } finally {
      // Also after a cut connection or a full disk: what is on disk is recorded, so the next check skips it.
      await recorder.finish();
    }
    return done;
  }

  /**
   * Only after every download is committed: a DELE never names a message not
   * stored. Committed is not yet on the disk (synchronous = NORMAL), and the
   * server's copy may be the last: the WAL is flushed first.
   */
  private async deleteOnServer(listing: MaildropListing): Promise<void> {
    const held = this.store.pop3Uidls.held(this.accountId);
    const numbers = messagesToDelete(this.options.policy, listing.entries, held, this.now());
    if (numbers.length === 0) return;
    await flushWal(this.store.db);
    await Promise.all(numbers.map((number) => this.client.dele(number)));
  }
}
