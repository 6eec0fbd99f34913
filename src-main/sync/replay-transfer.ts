import type { ImapClient } from '../imap/imap-client';
import { copyMessages } from '../imap/copy-messages';
import { expungeMessages } from '../imap/expunge-messages';
import { moveMessages } from '../imap/move-messages';
import type { JournalEntry, JournalItem } from '../store/operations-repo';
import type { Store } from '../store/store';
import { byFolder, claimTarget, finishOrFail, inFolder, type Note } from './replay-journal';
import { alreadyInTarget, resolveItems } from './resolve-journal-items';

interface Learned {
  item: JournalItem;
  uid: number;
}

/**
 * Replays a move or a copy. Before the server is asked, the entry records the
 * target's UIDNEXT (a missing target fails here, before anything changed). A
 * replay that finds the entry already sent (killed mid-way) first looks in the
 * target for its messages by Message-ID above that UIDNEXT: those arrived, so
 * they are not copied again (a move then only removes the originals left
 * behind by COPY + EXPUNGE). The UIDs the server gives (COPYUID) go to the
 * cached rows, so a moved message keeps its identity (body, parts) locally.
 */
export async function replayTransfer(client: ImapClient, store: Store, entry: JournalEntry, note: Note): Promise<void> {
  let sent = entry;
  if (entry.state === 'pending') {
    const claimed = await claimTarget(client, store, entry);
    if (!claimed) return; // undone meanwhile
    sent = claimed;
  } else if (entry.targetUidNext !== null) {
    return resumeTransfer(client, store, entry, note);
  }
  await transfer(client, store, sent, new Map(), note);
}

async function resumeTransfer(client: ImapClient, store: Store, entry: JournalEntry, note: Note): Promise<void> {
  const arrived = await inFolder(client, entry.targetPath!, { change: false }, (uidValidity) =>
    uidValidity === entry.targetUidValidity ? alreadyInTarget(client, entry.items, entry.targetUidNext!) : Promise.resolve(new Map<number, number>()));
  await transfer(client, store, entry, arrived, note);
}

async function transfer(client: ImapClient, store: Store, entry: JournalEntry, arrived: Map<number, number>, note: Note): Promise<void> {
  const target = entry.targetPath!;
  const learned: Learned[] = entry.items.filter((item) => arrived.has(item.id)).map((item) => ({ item, uid: arrived.get(item.id)! }));
  const missing: JournalItem[] = [];
  let targetUidValidity = entry.targetUidValidity;
  for (const [path, items] of byFolder(entry.items)) {
    await inFolder(client, path, { change: entry.action === 'move' }, async (uidValidity) => {
      const resolved = await resolveItems(client, items, uidValidity);
      missing.push(...resolved.missing.filter((item) => !arrived.has(item.id)));
      const leftBehind = resolved.present.filter(({ item }) => arrived.has(item.id)).map(({ uid }) => uid);
      const todo = resolved.present.filter(({ item }) => !arrived.has(item.id));
      if (entry.action === 'move' && leftBehind.length) await expungeMessages(client, leftBehind);
      const uids = todo.map(({ uid }) => uid);
      const result = entry.action === 'move' ? await moveMessages(client, uids, target) : { ...(await copyMessages(client, uids, target)), expunged: true };
      if (!result.expunged) note(`[sync] ${path}: moved ${uids.length} message(s) to ${target} but left the originals marked \\Deleted (no UIDPLUS, and other \\Deleted messages are in the folder).`);
      targetUidValidity = result.uidValidity ?? targetUidValidity;
      for (const { item, uid } of todo) {
        const newUid = result.uidMap.get(uid);
        if (newUid !== undefined) learned.push({ item, uid: newUid });
      }
    });
  }
  store.write(() => {
    for (const { item, uid } of learned) {
      store.operations.learnUid(item, target, targetUidValidity, uid);
      const row = entry.action === 'copy' ? item.resultRowId : item.messageRowId;
      if (row !== null) store.messageChanges.setUid(row, uid, entry.accountId!, target);
    }
  });
  finishOrFail(store, entry, missing);
}
