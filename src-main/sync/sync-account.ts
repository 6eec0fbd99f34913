import type { Events, SyncSummary } from '../ipc/contract';
import type { WrenError } from '../errors/wren-error';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import type { MailSource } from './mail-source';
import { throttleProgress } from './progress-throttle';
import type { FolderProgress, FolderSyncResult } from './sync-folder';

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
      const result = await syncFolderAndBodies(source, folder, report, options);
      summary.newMessages += result.newMessages;
      summary.removedMessages += result.removedMessages;
      summary.flagUpdates += result.flagUpdates;
      summary.bodiesFetched += result.bodiesFetched;
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
 * Past this many headers still to come after a first batch is stored, a
 * header sync is long enough (a first sync of a big folder) for bodies to be
 * downloaded alongside it over a second connection; a short one is not worth
 * a second login.
 */
export const LONG_HEADER_SYNC_REMAINING = 1000;

/**
 * A folder's headers, then its bodies if asked. When the header sync turns
 * out long and the source can, the bodies download alongside it from what is
 * already stored: the header pass is mostly decoding on this thread while a
 * body download mostly waits for the server and the disk, so together they
 * take little more than the download alone.
 */
async function syncFolderAndBodies(
  source: MailSource, folder: FolderRecord, report: (phase: 'headers' | 'bodies') => FolderProgress, options: SyncOptions,
): Promise<FolderSyncResult & { bodiesFetched: number }> {
  let long!: () => void;
  const isLong = new Promise<boolean>((resolve) => (long = () => resolve(true)));
  const headersProgress = report('headers');
  // Not thinned out: header progress comes once per committed batch (HEADER_BATCH messages), a few a second.
  const headers = source.syncFolder(folder, (done, total, bytes) => {
    if (done > 0 && total - done >= LONG_HEADER_SYNC_REMAINING) long();
    headersProgress(done, total, bytes);
  });
  if (!options.bodies) return { ...(await headers), bodiesFetched: 0 };
  const since = options.bodiesSince;
  const alongside = source.fetchBodiesAlongside && (await Promise.race([isLong, headers.then(() => false, () => false)]))
    ? fetchBodies(report('bodies'), (onProgress) => source.fetchBodiesAlongside!(folder, headers, onProgress, since))
    : Promise.resolve(null);
  const [stored, early] = await Promise.allSettled([headers, alongside]);
  if (stored.status === 'rejected') throw stored.reason;
  if (early.status === 'rejected') throw early.reason;
  // None came alongside (a short header sync, or no second connection): the bodies phase follows, as it always did.
  const bodiesFetched = early.value ?? (await fetchBodies(report('bodies'), (onProgress) => source.fetchBodies(folder, onProgress, since)));
  return { ...stored.value, bodiesFetched: bodiesFetched ?? 0 };
}

/**
 * The bodies phase with its progress thinned out to a few events a second:
 * thousands of small messages a second would flood the front ends (and the
 * worker's message channel).
 */
async function fetchBodies(send: FolderProgress, fetch: (report: FolderProgress) => Promise<number | null>): Promise<number | null> {
  const progress = throttleProgress(send);
  const fetched = await fetch(progress.report);
  progress.flush();
  return fetched;
}
