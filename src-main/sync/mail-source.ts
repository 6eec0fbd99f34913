import type { WrenError } from '../errors/wren-error';
import type { ServerFolder } from './server-folder';
import type { ServerQuota } from './server-quota';
import type { FolderRecord } from '../store/folders-repo';
import type { FolderProgress, FolderSyncResult } from './sync-folder';

/**
 * One account's server as the sync sees it, whatever the protocol. IMAP
 * implements it now (ImapSource). A POP3 source has a single folder, its
 * Inbox, and keys messages by UIDL strings instead of UIDs: that stays
 * inside the source, which writes what it finds to the store itself, so this
 * interface carries no UIDs at all. The source does not own its connection:
 * whoever opened it closes it.
 */
export interface MailSource {
  /** Changes made locally (maybe offline) go out before anything is read back. */
  pushLocalChanges(): Promise<void>;
  /** The folders the server has; a POP3 source lists only its Inbox. */
  listFolders(): Promise<ServerFolder[]>;
  /** Brings one cached folder's messages and flags in line with the server. */
  syncFolder(folder: FolderRecord, onProgress: FolderProgress): Promise<FolderSyncResult>;
  /** Downloads the sources of the folder's messages not cached yet; returns how many. */
  fetchBodies(folder: FolderRecord, onProgress: FolderProgress, since?: number): Promise<number>;
  /**
   * What the account may keep on the server. Null: no quota there (POP3 never says);
   * undefined: the server has one but did not tell it this time, so the last reading stands.
   */
  readQuota(): Promise<ServerQuota | null | undefined>;
  /**
   * The fault to report when the server refused this one folder (the sync
   * goes on with the next), or null when the error ends the whole sync.
   */
  folderRefusal(folder: FolderRecord, error: unknown): WrenError | null;
}
