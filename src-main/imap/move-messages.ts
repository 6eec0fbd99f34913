import type { ImapFlow } from 'imapflow';
import { toSequenceSet } from './sequence-set';
import { orRefusal } from './command-refusal';
import { copyMessages, refused } from './copy-messages';
import { copiedTo, type CopiedTo } from './copy-uid-map';
import { expungeMessages } from './expunge-messages';

/**
 * Moves messages of the selected folder into `target`: UID MOVE where the
 * server has it; otherwise COPY, then \Deleted and an expunge of exactly
 * those messages (see expungeMessages). The copy is made before anything is
 * removed, so a failure never loses a message; `expunged: false` says the
 * originals are still in the folder, marked \Deleted.
 */
export async function moveMessages(client: ImapFlow, uids: number[], target: string): Promise<CopiedTo & { expunged: boolean }> {
  if (uids.length === 0) return { uidValidity: null, uidMap: new Map(), expunged: true };
  if (!client.capabilities.has('MOVE')) {
    const copied = await copyMessages(client, uids, target);
    return { ...copied, expunged: await expungeMessages(client, uids) };
  }
  const result = await orRefusal(client, ['UID MOVE'], () => client.messageMove(toSequenceSet(uids), target, { uid: true }));
  if (!result) throw refused(client, 'move', target);
  return { ...copiedTo(result), expunged: true };
}
