import type { ImapFlow } from 'imapflow';
import type { Events, SyncSummary } from '../ipc/contract';
import { WrenError } from '../errors/wren-error';
import { listRemoteFolders } from '../imap/folder-list';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import { fetchFolderBodies } from './fetch-bodies';
import { throttleProgress } from './progress-throttle';
import { replayJournal } from './replay-journal';
import { syncFolder, type FolderProgress } from './sync-folder';

export interface SyncOptions {
  bodies: boolean;
  onProgress: (progress: Events['sync.progress']) => void;
  /** A folder the server refuses to open (permissions, gone meanwhile) is reported and skipped. */
  onFolderError?: (path: string, error: WrenError) => void;
}

/**
 * One account, start to end: the operations journal replayed first, then the folder
 * list, then each folder's headers (Inbox first), then bodies if asked.
 */
export async function syncAccount(client: ImapFlow, store: Store, accountId: number, options: SyncOptions): Promise<SyncSummary> {
  const summary: SyncSummary = { accountId, folders: 0, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };
  await replayJournal(client, store, accountId);
  options.onProgress({ accountId, folderPath: '', phase: 'folders', done: 0, total: 1 });
  const remote = await listRemoteFolders(client);
  store.write(() => store.folders.replaceRemote(accountId, remote));
  const folders = store.folders.list(accountId).filter((folder) => folder.selectable);
  for (const folder of folders) {
    const report = (phase: 'headers' | 'bodies') => (done: number, total: number) =>
      options.onProgress({ accountId, folderPath: folder.path, phase, done, total });
    try {
      // Not thinned out: header progress comes once per committed batch (HEADER_BATCH messages), a few a second.
      const result = await syncFolder(client, store, folder, report('headers'));
      summary.newMessages += result.newMessages;
      summary.removedMessages += result.removedMessages;
      summary.flagUpdates += result.flagUpdates;
      if (options.bodies) summary.bodiesFetched += await fetchBodies(client, store, folder, report('bodies'));
      summary.folders += 1;
    } catch (error) {
      if (!(error instanceof WrenError) && client.usable && isServerRefusal(error)) {
        options.onFolderError?.(folder.path, new WrenError('ServerSaid', `The server refused folder ${folder.path}: ${(error as { responseText?: string }).responseText}`));
        continue;
      }
      throw error;
    }
  }
  return summary;
}

/**
 * The bodies phase with its progress thinned out to a few events a second:
 * thousands of small messages a second would flood the front ends (and the
 * worker's message channel).
 */
async function fetchBodies(client: ImapFlow, store: Store, folder: FolderRecord, send: FolderProgress): Promise<number> {
  const progress = throttleProgress(send);
  const fetched = await fetchFolderBodies(client, store, folder, progress.report);
  progress.flush();
  return fetched;
}

function isServerRefusal(error: unknown): boolean {
  const status = (error as { responseStatus?: string }).responseStatus;
  return status === 'NO' || status === 'BAD';
}
