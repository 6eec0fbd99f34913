import type { Pop3Client } from '../../pop3/pop3-client';

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
export async function listMaildrop(client: Pop3Client): Promise<MaildropListing> {
  const uidls = await client.uidl();
  const sizes = new Map((await client.list()).map((entry) => [entry.number, entry.size]));
  const count = new Map<string, number>();
  for (const { uidl } of uidls) count.set(uidl, (count.get(uidl) ?? 0) + 1);
  const entries = uidls
    .filter(({ uidl }) => count.get(uidl) === 1)
    .map(({ number, uidl }) => ({ number, uidl, size: sizes.get(number) ?? 0 }));
  const duplicated = [...count].filter(([, times]) => times > 1).map(([uidl]) => uidl);
  return { entries, duplicated, onServer: new Set(count.keys()) };
}
