import type { ImapClient } from './imap-client';
import { toSequenceSet } from './sequence-set';

/** Every UID of the selected folder (UID SEARCH ALL); none for an empty folder, without asking. */
export async function allUids(client: ImapClient, exists: number): Promise<number[]> {
  if (exists === 0) return [];
  return (await client.search({ all: true }, { uid: true })) || [];
}

/** Which of `uids` the selected folder still holds (UID SEARCH UID set). */
export async function presentUids(client: ImapClient, uids: number[]): Promise<Set<number>> {
  if (uids.length === 0) return new Set();
  return new Set((await client.search({ uid: toSequenceSet(uids) }, { uid: true })) || []);
}

/** The UIDs from `first` on (UID SEARCH UID first:*), without the highest one a server answers "n:*" with when none is that new. */
export async function uidsFrom(client: ImapClient, first: number, exists: number): Promise<number[]> {
  if (exists === 0) return [];
  return ((await client.search({ uid: `${first}:*` }, { uid: true })) || []).filter((uid) => uid >= first);
}
