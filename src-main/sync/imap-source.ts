import { WrenError } from '../errors/wren-error';
import { readQuota } from '../imap/account-quota';
import { listRemoteFolders } from '../imap/folder-list';
import type { ImapClient } from '../imap/imap-client';
import { isServerRefusal, refusalOf } from '../imap/imap-error';
import type { ServerFolder } from './server-folder';
import type { ServerQuota } from './server-quota';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import { fetchFolderBodies } from './fetch-bodies';
import { inThreadHeaderWriter, type HeaderWriter } from './header-writer';
import type { MailSource } from './mail-source';
import { replayJournal } from './replay-journal';
import { syncFolder, type FolderProgress, type FolderSyncResult } from './sync-folder';

/** An IMAP account behind the protocol-neutral MailSource, over one logged-in connection. */
export class ImapSource implements MailSource {
  constructor(
    private readonly client: ImapClient,
    private readonly store: Store,
    private readonly accountId: number,
    private readonly headerWriter: HeaderWriter = inThreadHeaderWriter(store),
  ) {}

  async pushLocalChanges(): Promise<void> {
    await replayJournal(this.client, this.store, this.accountId);
  }

  listFolders(): Promise<ServerFolder[]> {
    return listRemoteFolders(this.client);
  }

  syncFolder(folder: FolderRecord, onProgress: FolderProgress): Promise<FolderSyncResult> {
    return syncFolder(this.client, this.store, folder, onProgress, this.headerWriter);
  }

  fetchBodies(folder: FolderRecord, onProgress: FolderProgress, since?: number): Promise<number> {
    return fetchFolderBodies(this.client, this.store, folder, onProgress, since);
  }

  readQuota(): Promise<ServerQuota | null | undefined> {
    return readQuota(this.client);
  }

  /**
   * A NO or BAD to SELECT (permissions, folder gone meanwhile) on a connection
   * still usable skips that folder, with the server's words. Throttling (or a
   * server part down for now, [UNAVAILABLE]) is not
   * a refusal of the folder: it ends the sync, to be retried later.
   */
  folderRefusal(folder: FolderRecord, error: unknown): WrenError | null {
    if (error instanceof WrenError || !this.client.usable || !isServerRefusal(error)) return null;
    // Not FolderReadOnly even for [NOPERM]: the folder cannot be read at all.
    const refusal = refusalOf(error, `server (folder ${folder.path})`, { folder: folder.path })!;
    return new WrenError('ServerSaid', refusal.message, refusal.details);
  }
}
