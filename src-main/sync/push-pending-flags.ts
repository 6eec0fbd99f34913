import type { ImapFlow } from 'imapflow';
import type { Store } from '../store/store';
import type { PendingFlagChange } from '../store/pending-flags-repo';

/** Sends flag changes made locally (maybe offline) to the server, folder by folder. */
export async function pushPendingFlags(client: ImapFlow, store: Store, accountId: number): Promise<number> {
  const pending = store.pendingFlags.forAccount(accountId);
  const byFolder = new Map<string, PendingFlagChange[]>();
  for (const change of pending) byFolder.set(change.folderPath, [...(byFolder.get(change.folderPath) ?? []), change]);
  let pushed = 0;
  for (const [path, changes] of byFolder) {
    const lock = await client.getMailboxLock(path);
    try {
      for (const change of changes) {
        // A message gone from the server makes its change moot, so the answer is not checked.
        if (change.value) await client.messageFlagsAdd(String(change.uid), [change.flag], { uid: true });
        else await client.messageFlagsRemove(String(change.uid), [change.flag], { uid: true });
      }
    } finally {
      lock.release();
    }
    store.write(() => store.pendingFlags.done(changes.map((c) => c.id)));
    pushed += changes.length;
  }
  return pushed;
}
