import { Pop3Error, type Pop3Client } from '../../pop3/pop3-client';
import { headerRecordFromSource } from '../../mime/source-headers';
import type { StoredUidl } from '../../store/pop3-uidls-repo';
import type { Store } from '../../store/store';
import { readAll } from './download-new';
import type { MaildropEntry } from './maildrop-listing';

export interface Renumbering {
  /** The unknown UIDLs that are really new messages: these are downloaded. */
  fresh: MaildropEntry[];
  /** Stored messages that now go by a new UIDL (adopted, not downloaded again). */
  adopted: number;
  /** Entries that may be stored messages but whose TOP was refused: neither adopted nor downloaded this time. */
  unsure: MaildropEntry[];
}

/**
 * A server may change its UIDLs (a new UIDL format, a rebuilt index): then
 * messages already stored come back under UIDLs never seen. Such a message is
 * recognised by a stored one whose UIDL the server no longer lists, with the
 * same Message-ID and size; it takes the new UIDL instead of being downloaded
 * twice. Only entries whose LIST size matches such a stored message cost a
 * `TOP n 0`, so an ordinary check with no UIDL gone asks nothing more.
 */
export async function adoptRenumbered(client: Pop3Client, store: Store, accountId: number, unknown: MaildropEntry[], onServer: ReadonlySet<string>): Promise<Renumbering> {
  const gone = unknown.length ? store.pop3Uidls.storedButGone(accountId, onServer) : [];
  if (gone.length === 0) return { fresh: unknown, adopted: 0, unsure: [] };
  const bySize = groupBySize(gone);
  const fresh: MaildropEntry[] = [];
  const unsure: MaildropEntry[] = [];
  const matches: Array<{ stored: StoredUidl; uidl: string }> = [];
  for (const entry of unknown) {
    const candidates = bySize.get(entry.size);
    const stored = candidates?.length ? await matchByMessageId(client, entry, candidates) : undefined;
    if (stored === REFUSED) unsure.push(entry);
    else if (stored) matches.push({ stored, uidl: entry.uidl });
    else fresh.push(entry);
  }
  if (matches.length) store.write(() => matches.forEach(({ stored, uidl }) => store.pop3Uidls.adopt(accountId, stored, uidl)));
  return { fresh, adopted: matches.length, unsure };
}

function groupBySize(gone: StoredUidl[]): Map<number, StoredUidl[]> {
  const bySize = new Map<number, StoredUidl[]>();
  for (const stored of gone) bySize.set(stored.size, [...(bySize.get(stored.size) ?? []), stored]);
  return bySize;
}

const REFUSED = Symbol('TOP refused');

/**
 * The stored message with this entry's Message-ID, taken out of `candidates`
 * so no two entries adopt it. TOP refused (deleted meanwhile, or a server
 * without TOP): REFUSED, for downloading it could store a message twice.
 */
async function matchByMessageId(client: Pop3Client, entry: MaildropEntry, candidates: StoredUidl[]): Promise<StoredUidl | typeof REFUSED | undefined> {
  const head = await readAll(client.top(entry.number, 0)).catch((error: unknown) => {
    if (error instanceof Pop3Error) return null;
    throw error;
  });
  if (head === null) return REFUSED;
  const { messageId } = headerRecordFromSource(head, { uidl: entry.uidl, size: entry.size, arrivedAt: 0 });
  const index = messageId ? candidates.findIndex((stored) => stored.messageId === messageId) : -1;
  return index < 0 ? undefined : candidates.splice(index, 1)[0];
}
