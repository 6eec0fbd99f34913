// A running Wren core (sync in its worker thread, as in the app) with the bench account added
// and synced once, untimed: the ops rows measure what a user does next.
import path from 'node:path';
import { labDraft, startCore, type TestCore } from '../../test/integration/imap/lab-core';
import type { BenchContext } from '../runners';
import { MOVE_TARGET } from './observer-session';

export interface SyncedCore {
  wren: TestCore;
  accountId: number;
  inboxId: number;
  targetId: number;
}

export async function startSyncedCore(context: BenchContext): Promise<SyncedCore> {
  const wren = startCore({ syncWorkerPath: path.join(context.root, 'dist', 'main', 'sync-worker.cjs') });
  try {
    const accountId = (await wren.call('accounts.add', labDraft(context.lab, context.user))).id;
    const first = await wren.call('sync.run', { accountId });
    if (first.failures.length) throw new Error(`the first sync failed: ${first.failures[0]!.error.message}`);
    const folders = await wren.call('folders.list', { accountId });
    const folderId = (folderPath: string) => {
      const folder = folders.find((f) => f.path === folderPath);
      if (!folder) throw new Error(`the core has no folder ${folderPath}`);
      return folder.id;
    };
    return { wren, accountId, inboxId: folderId('INBOX'), targetId: folderId(MOVE_TARGET) };
  } catch (error) {
    await wren.dispose();
    throw error;
  }
}

/** The ids of INBOX's newest `count` messages (at most 1,000 per page). */
export async function newestIds(core: SyncedCore, count: number): Promise<number[]> {
  const page = await core.wren.call('messages.list', { folderId: core.inboxId, limit: count });
  return page.items.map((item) => item.id);
}
