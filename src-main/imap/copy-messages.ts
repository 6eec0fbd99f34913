import type { ImapFlow } from 'imapflow';
import { WrenError } from '../errors/wren-error';
import { toSequenceSet } from './sequence-set';
import { orRefusal } from './command-refusal';
import { copiedTo, type CopiedTo } from './copy-uid-map';

/** UID COPY of messages of the selected folder into `target`; with UIDPLUS, says which UIDs the copies got. */
export async function copyMessages(client: ImapFlow, uids: number[], target: string): Promise<CopiedTo> {
  if (uids.length === 0) return { uidValidity: null, uidMap: new Map() };
  const result = await orRefusal(client, ['UID COPY'], () => client.messageCopy(toSequenceSet(uids), target, { uid: true }));
  if (!result) throw refused(client, 'copy', target);
  return copiedTo(result);
}

export function refused(client: ImapFlow, verb: string, target: string): WrenError {
  const path = client.mailbox ? client.mailbox.path : '';
  return new WrenError('ServerSaid', `The server refused to ${verb} messages from ${path} to ${target} (the folder may be gone).`, { folder: target });
}
