import type { ImapFlow } from 'imapflow';
import { toSequenceSet } from './sequence-set';
import { orRefusal } from './command-refusal';

/**
 * Adds and removes flags on messages of the selected folder: one UID STORE
 * per direction over a sequence set, never one command per message.
 */
export async function storeFlags(client: ImapFlow, uids: number[], add: string[], remove: string[]): Promise<void> {
  if (uids.length === 0) return;
  const range = toSequenceSet(uids);
  if (add.length) await orRefusal(client, ['UID STORE'], () => client.messageFlagsAdd(range, add, { uid: true }));
  if (remove.length) await orRefusal(client, ['UID STORE'], () => client.messageFlagsRemove(range, remove, { uid: true }));
}
