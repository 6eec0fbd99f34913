import type { Pop3Policy } from '../../ipc/contract';
import type { HeldUidl } from '../../store/pop3-uidls-repo';
import type { MaildropEntry } from './maildrop-listing';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The messages to DELE under the account's policy. Only UIDLs held (their
 * message committed to the store) qualify; one stored partially (TOP) keeps
 * its rest on the server unless the user deleted it locally.
 */
export function messagesToDelete(policy: Pop3Policy, entries: MaildropEntry[], held: ReadonlyMap<string, HeldUidl>, now: number): number[] {
  return entries.filter((entry) => {
    const record = held.get(entry.uidl);
    return record !== undefined && shouldDelete(policy, record, now);
  }).map((entry) => entry.number);
}

function shouldDelete(policy: Pop3Policy, record: HeldUidl, now: number): boolean {
  // Moved to a Trash counts as deleted, as in Thunderbird. A partial message keeps its rest on the
  // server until it is deleted for good: taken out of the Trash again, it can still be downloaded whole.
  // A delete made while the policy was `keep` left the message on the server, as that policy said, for good.
  const deletedLocally = !record.deletedWhileKept && (record.messageRowId === null || (record.inTrash && !record.partial));
  switch (policy.leave) {
    case 'keep':
      return false;
    case 'deleteWhenDeleted':
      return deletedLocally;
    case 'delete':
      return deletedLocally || !record.partial;
    case 'deleteAfterDays':
      return (deletedLocally || !record.partial) && now - record.downloadedAt >= (policy.deleteAfterDays ?? Infinity) * DAY_MS;
  }
}
