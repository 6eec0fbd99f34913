import type { ImapFlow } from 'imapflow';
import { toSequenceSet } from './sequence-set';
import { orRefusal } from './command-refusal';

/**
 * Removes messages of the selected folder for good: \Deleted, then UID
 * EXPUNGE of exactly them (UIDPLUS). Without UIDPLUS a plain EXPUNGE would
 * also remove every other \Deleted message of the folder (another client's
 * pending deletion), so it is sent only when there is none; otherwise the
 * messages stay marked \Deleted and false says so.
 */
export async function expungeMessages(client: ImapFlow, uids: number[]): Promise<boolean> {
  if (uids.length === 0) return true;
  const range = toSequenceSet(uids);
  if (client.capabilities.has('UIDPLUS')) return (await orRefusal(client, ['STORE', 'EXPUNGE'], () => client.messageDelete(range, { uid: true }))) !== false;
  await orRefusal(client, ['UID STORE'], () => client.messageFlagsAdd(range, ['\\Deleted'], { uid: true }));
  const ours = new Set(uids);
  const deleted = (await client.search({ deleted: true }, { uid: true })) || [];
  if (deleted.some((uid) => !ours.has(uid))) return false;
  // imapflow sends the plain EXPUNGE itself when the server lacks UIDPLUS (commands/expunge.js).
  return client.messageDelete(range, { uid: true });
}
