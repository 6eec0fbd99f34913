import { partsWithLostNames } from '../mime/lost-file-names';
import { answersByUid } from './answers-by-uid';
import type { FetchedMessage, ImapClient } from './imap-client';
import { toSequenceSet } from './sequence-set';

/** Messages grouped by the parts asked of them, so one FETCH serves every message with the same ones ("2" mostly). */
function byParts(messages: FetchedMessage[]): Map<string, FetchedMessage[]> {
  const groups = new Map<string, FetchedMessage[]>();
  for (const message of messages) {
    const parts = message.bodyStructure ? partsWithLostNames(message.bodyStructure) : [];
    if (parts.length === 0) continue;
    const key = parts.join(' ');
    const group = groups.get(key);
    if (group) group.push(message);
    else groups.set(key, [message]);
  }
  return groups;
}

/**
 * A raw 8-bit file name (GBK from Chinese mailers) comes through
 * BODYSTRUCTURE as U+FFFD, its bytes lost in imapflow's UTF-8 reading. For
 * the parts where that happened, and only those, this fetches the parts' MIME
 * headers (BODY.PEEK[n.MIME]: a few hundred bytes each; for a single-part
 * message, "1.MIME" is the message header) and puts them on the message as
 * `mimeHeaders` for fromImapEnvelope to read the names from. Most batches have
 * no such part and cost nothing more; a message whose answer does not come
 * keeps its names as they were.
 */
export async function fetchLostNameHeaders(client: ImapClient, messages: FetchedMessage[]): Promise<void> {
  for (const [key, group] of byParts(messages)) {
    const parts = key.split(' ');
    const uids = group.map((message) => message.uid);
    const query = { uid: true, bodyParts: parts.map((part) => `${part}.MIME`) };
    const answers = await answersByUid(client.fetch(toSequenceSet(uids), query, { uid: true }), uids);
    for (const message of group) {
      const found = answers.get(message.uid)?.bodyParts;
      if (!found) continue;
      message.mimeHeaders = Object.fromEntries(parts.flatMap((part) => {
        const block = found.get(`${part.toLowerCase()}.mime`);
        return block ? [[part, block.toString('latin1')]] : [];
      }));
    }
  }
}
