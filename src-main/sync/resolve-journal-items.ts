import type { ImapClient } from '../imap/imap-client';
import { presentUids } from '../imap/search-uids';
import type { JournalItem } from '../store/operations-repo';
import { findByMessageId } from '../imap/find-by-message-id';

export interface ResolvedItems {
  /** Items found in the selected folder, with their UID there now. */
  present: { item: JournalItem; uid: number }[];
  /** Items no longer in the folder (expunged or moved elsewhere, or renumbered away). */
  missing: JournalItem[];
}

/**
 * Where a Message-ID may be looked for: a message that arrived at or above
 * `sinceUid` (null: nowhere, the message is known by its UID or not at all).
 * An Undo's delete of copies is bound so: a message of the same Message-ID
 * that was in the folder before the copy is another message, never deleted.
 */
export interface ArrivedSince {
  sinceUid: number | null;
}

/**
 * Finds the journal's messages in the selected folder. A UID counts only under
 * the UIDVALIDITY it was recorded with, and only if the server still has it;
 * otherwise (renumbered, or not known yet) the message is looked up by its
 * Message-ID, never applied to whatever now holds the old UID.
 */
export async function resolveItems(client: ImapClient, items: JournalItem[], uidValidity: number, bound?: ArrivedSince): Promise<ResolvedItems> {
  const byUid = items.filter((item) => item.uid !== null && item.uidvalidity === uidValidity);
  const existing = await presentUids(client, byUid.map((item) => item.uid!));
  const resolved: ResolvedItems = { present: [], missing: [] };
  const byMessageId: JournalItem[] = [];
  for (const item of items) {
    if (item.uid === null || item.uidvalidity !== uidValidity) byMessageId.push(item);
    else if (existing.has(item.uid)) resolved.present.push({ item, uid: item.uid });
    else resolved.missing.push(item);
  }
  const found = bound ? await boundLookup(client, byMessageId, bound, byUid.map((item) => item.uid!)) : await firstLookup(client, byMessageId);
  for (const item of byMessageId) {
    const uid = found.get(item.id);
    if (uid === undefined) resolved.missing.push(item);
    else resolved.present.push({ item, uid });
  }
  return resolved;
}

async function firstLookup(client: ImapClient, items: JournalItem[]): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  for (const item of items) {
    const [uid] = await findByMessageId(client, item.messageIdHeader);
    if (uid !== undefined) found.set(item.id, uid);
  }
  return found;
}

function boundLookup(client: ImapClient, items: JournalItem[], bound: ArrivedSince, taken: number[]): Promise<Map<number, number>> {
  return bound.sinceUid === null ? Promise.resolve(new Map<number, number>()) : alreadyInTarget(client, items, bound.sinceUid, taken);
}

/**
 * After a crash between asking the server and recording its answer: the
 * items already in the target, i.e. found there by Message-ID at or above the
 * UIDNEXT the target had just before the entry was sent. A UID stands for one
 * item only, and not for one whose UID is recorded (`taken`): two messages
 * may share a Message-ID (a resend, the same mail imported twice), and the
 * second must not pass for arrived when only the first did.
 */
export async function alreadyInTarget(client: ImapClient, items: JournalItem[], sinceUid: number, taken: Iterable<number> = []): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  const used = new Set(taken);
  for (const item of items) {
    const uid = (await findByMessageId(client, item.messageIdHeader)).find((candidate) => candidate >= sinceUid && !used.has(candidate));
    if (uid === undefined) continue;
    found.set(item.id, uid);
    used.add(uid);
  }
  return found;
}
