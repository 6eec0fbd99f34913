import { createHash } from 'node:crypto';
import { Pop3Error, type Pop3Client } from '../../pop3/pop3-client';
import { readAll } from './download-new';

/** One message of the maildrop in this session: its number, UIDL and the size LIST gives. */
export interface MaildropEntry {
  number: number;
  uidl: string;
  size: number;
}

export interface MaildropListing {
  /** Messages with a UIDL of their own, in maildrop order. */
  entries: MaildropEntry[];
  /** UIDLs the server gave to more than one message: those are neither downloaded nor deleted. */
  duplicated: string[];
  /** Every UIDL on the server now. */
  onServer: ReadonlySet<string>;
}

/**
 * UIDL and LIST of this session, joined by message number. A UIDL shared by
 * two messages cannot tell them apart across sessions (one would be taken for
 * the other, or deleted unstored), so such messages are set aside.
 * A size LIST gets wrong only misleads the progress and the TOP limit: what is
 * stored is what RETR delivers.
 */
export async function listMaildrop(client: Pop3Client, options: { headerIdentities?: boolean } = {}): Promise<MaildropListing> {
  const scan = await client.list();
  const uidls = await maildropUidls(client, scan, options.headerIdentities ?? false);
  const sizes = new Map(scan.map((entry) => [entry.number, entry.size]));
  const count = new Map<string, number>();
  for (const { uidl } of uidls) count.set(uidl, (count.get(uidl) ?? 0) + 1);
  const entries = uidls
    .filter(({ uidl }) => count.get(uidl) === 1)
    .map(({ number, uidl }) => ({ number, uidl, size: sizes.get(number) ?? 0 }));
  const duplicated = [...count].filter(([, times]) => times > 1).map(([uidl]) => uidl);
  return { entries, duplicated, onServer: new Set(count.keys()) };
}

/** TOP requests in flight at once when naming messages by their headers. */
const HEADER_WINDOW = 16;

/**
 * The server's UIDLs; from a server without UIDL, when `headerIdentities`
 * (mail is deleted after download, so few messages wait there), a name made
 * from each message's header block (TOP n 0) and size. That block does not
 * change between sessions and tells two messages apart (Received lines,
 * Message-ID), so a check cut before QUIT still finds, next time, what it
 * stored. Without TOP either, the server's Pop3NoUidl stands.
 */
async function maildropUidls(client: Pop3Client, scan: Array<{ number: number; size: number }>, headerIdentities: boolean): Promise<Array<{ number: number; uidl: string }>> {
  try {
    return await client.uidl();
  } catch (error) {
    if (!headerIdentities || !(error instanceof Pop3Error) || error.code !== 'Pop3NoUidl') throw error;
    const named: Array<{ number: number; uidl: string }> = [];
    for (let start = 0; start < scan.length; start += HEADER_WINDOW) {
      const batch = scan.slice(start, start + HEADER_WINDOW);
      const heads = await Promise.all(batch.map(({ number }) => readAll(client.top(number, 0)))).catch((refused: unknown) => Promise.reject(refused instanceof Pop3Error ? error : refused));
      batch.forEach(({ number, size }, i) => named.push({ number, uidl: `~hdr-${createHash('sha256').update(heads[i]!).digest('hex').slice(0, 48)}-${size}` }));
    }
    return named;
  }
}
