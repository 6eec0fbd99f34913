import type { ImapFlow } from 'imapflow';
import type { JournalItem } from '../store/operations-repo';
import { findByMessageId } from './find-by-message-id';
import { toSequenceSet } from './uid-ranges';

export interface ResolvedItems {
  /** Items found in the selected folder, with their UID there now. */
  present: { item: JournalItem; uid: number }[];
  /** Items no longer in the folder (expunged or moved elsewhere, or renumbered away). */
  missing: JournalItem[];
}

/**
 * Finds the journal's messages in the selected folder. A UID counts only under
 * the UIDVALIDITY it was recorded with, and only if the server still has it;
 * otherwise (renumbered, or not known yet) the message is looked up by its
 * Message-ID, never applied to whatever now holds the old UID.
 */
export async function resolveItems(client: ImapFlow, items: JournalItem[], uidValidity: number): Promise<ResolvedItems> {
  const byUid = items.filter((item) => item.uid !== null && item.uidvalidity === uidValidity);
  const existing = new Set(byUid.length ? (await client.search({ uid: toSequenceSet(byUid.map((item) => item.uid!)) }, { uid: true })) || [] : []);
  const resolved: ResolvedItems = { present: [], missing: [] };
  for (const item of items) {
    if (item.uid !== null && item.uidvalidity === uidValidity) {
      if (existing.has(item.uid)) resolved.present.push({ item, uid: item.uid });
      else resolved.missing.push(item);
      continue;
    }
    const [uid] = await findByMessageId(client, item.messageIdHeader);
    if (uid === undefined) resolved.missing.push(item);
    else resolved.present.push({ item, uid });
  }
  return resolved;
}

/**
 * After a crash between asking the server and recording its answer: the
 * items already in the target, i.e. found there by Message-ID at or above the
 * UIDNEXT the target had just before the entry was sent.
 */
export async function alreadyInTarget(client: ImapFlow, items: JournalItem[], sinceUid: number): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  for (const item of items) {
    const uid = (await findByMessageId(client, item.messageIdHeader)).find((candidate) => candidate >= sinceUid);
    if (uid !== undefined) found.set(item.id, uid);
  }
  return found;
}
