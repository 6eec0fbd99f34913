import type { ImapFlow, MailboxObject } from 'imapflow';
import type { Store } from '../store/store';
import type { PendingFlagChange } from '../store/pending-flags-repo';
import { findByMessageId } from './find-by-message-id';
import { toSequenceSet } from './uid-ranges';

/**
 * Sends flag changes made locally (maybe offline) to the server, folder by
 * folder. A change made under another UIDVALIDITY is never applied to its
 * old UID, which may now be another message: it goes to the message with
 * its Message-ID, or is dropped with a note when there is none.
 */
export async function pushPendingFlags(client: ImapFlow, store: Store, accountId: number, note: (line: string) => void = console.warn): Promise<number> {
  const byFolder = new Map<number, PendingFlagChange[]>();
  for (const change of store.pendingFlags.forAccount(accountId)) byFolder.set(change.folderId, [...(byFolder.get(change.folderId) ?? []), change]);
  let pushed = 0;
  for (const changes of byFolder.values()) {
    const lock = await client.getMailboxLock(changes[0]!.folderPath);
    try {
      const uidValidity = Number((client.mailbox as MailboxObject).uidValidity);
      for (const change of changes) {
        const uids = change.uidvalidity === uidValidity ? [change.uid] : await findByMessageId(client, change.messageIdHeader);
        if (uids.length === 0) note(droppedNote(change, uidValidity));
        else await applyChange(client, change, uids);
      }
    } finally {
      lock.release();
    }
    store.write(() => store.pendingFlags.done(changes.map((c) => c.id)));
    pushed += changes.length;
  }
  return pushed;
}

/** A message gone from the server makes its change moot, so the answer is not checked. */
async function applyChange(client: ImapFlow, change: PendingFlagChange, uids: number[]): Promise<void> {
  const range = toSequenceSet(uids);
  if (change.value) await client.messageFlagsAdd(range, [change.flag], { uid: true });
  else await client.messageFlagsRemove(range, [change.flag], { uid: true });
}

function droppedNote(change: PendingFlagChange, uidValidity: number): string {
  const wish = `${change.value ? 'set' : 'clear'} ${change.flag}`;
  const message = change.messageIdHeader ?? `UID ${change.uid} (no Message-ID)`;
  return `[sync] dropped the queued change "${wish}" of ${message} in ${change.folderPath}: the server renumbered the folder ` +
    `(UIDVALIDITY ${change.uidvalidity ?? 'unknown'} -> ${uidValidity}) and the message is not in it any more.`;
}
