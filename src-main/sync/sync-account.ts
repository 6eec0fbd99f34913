import type { Events, SyncSummary } from '../ipc/contract';
import type { WrenError } from '../errors/wren-error';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import type { MailSource } from './mail-source';
import { keepQuota } from './keep-quota';
import { throttleProgress } from './progress-throttle';
import type { FolderProgress } from './sync-folder';

export interface SyncOptions {
  bodies: boolean;
  /** With bodies: only messages dated from then on (epoch ms). */
  bodiesSince?: number;
  onProgress: (progress: Events['sync.progress']) => void;
  /** A folder the server refuses to open (permissions, gone meanwhile) is reported and skipped. */
  onFolderError?: (path: string, error: WrenError) => void;
}

/**
 * One account, start to end: the operations journal replayed first, then the folder
 * list, then each folder's headers (Inbox first), then bodies if asked.
 */
export async function syncAccount(source: MailSource, store: Store, accountId: number, options: SyncOptions): Promise<SyncSummary> {
  const summary: SyncSummary = { accountId, folders: 0, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };
  await source.pushLocalChanges();
  options.onProgress({ accountId, folderPath: '', phase: 'folders', done: 0, total: 1 });
  const remote = await source.listFolders();
  store.write(() => store.folders.replaceRemote(accountId, remote));
  const folders = store.folders.list(accountId).filter((folder) => folder.selectable);
  for (const folder of folders) {
    const report = (phase: 'headers' | 'bodies'): FolderProgress => (done, total, bytes) =>
      options.onProgress({ accountId, folderPath: folder.path, phase, done, total, ...(bytes && { bytes: bytes.done, totalBytes: bytes.total }) });
    try {
      // Not thinned out: header progress comes once per committed batch (HEADER_BATCH messages), a few a second.
      const result = await source.syncFolder(folder, report('headers'));
      summary.newMessages += result.newMessages;
      summary.removedMessages += result.removedMessages;
      summary.flagUpdates += result.flagUpdates;
      if (options.bodies) summary.bodiesFetched += await fetchBodies(source, folder, report('bodies'), options.bodiesSince);
      summary.folders += 1;
    } catch (error) {
      // Deleted here meanwhile (journaled; its rows went with it, so storing its headers failed): nothing left to sync.
      if (!store.folders.get(folder.id)) continue;
      const refusal = source.folderRefusal(folder, error);
      if (!refusal) throw error;
      (summary.folderErrors ??= []).push({ path: folder.path, error: refusal.toShape() });
      options.onFolderError?.(folder.path, refusal);
    }
  }
  // Read after the folders, so it counts what this sync brought and what the journal removed.
  keepQuota(store, accountId, await source.readQuota());
  return summary;
}

/**
 * Sends the journal only (a change just made reaches the server without
 * waiting for every folder's resync). A refused entry left the cache ahead of
 * the server: then the full pass follows and brings it back.
 */
export async function replayAccount(source: MailSource, store: Store, accountId: number, options: SyncOptions): Promise<SyncSummary> {
  await source.pushLocalChanges();
  if (store.operations.countFailed(accountId) > 0) return syncAccount(source, store, accountId, options);
  return { accountId, folders: 0, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };
}

/**
 * The bodies phase with its progress thinned out to a few events a second:
 * thousands of small messages a second would flood the front ends (and the
 * worker's message channel).
 */
async function fetchBodies(source: MailSource, folder: FolderRecord, send: FolderProgress, since?: number): Promise<number> {
  const progress = throttleProgress(send);
  const fetched = await source.fetchBodies(folder, progress.report, since);
  progress.flush();
  return fetched;
}
