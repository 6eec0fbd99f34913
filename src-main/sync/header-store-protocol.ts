import type { ErrorShape } from '../errors/error-codes';
import type { StoreChange } from '../ipc/contract';
import type { FetchedMessage } from '../imap/imap-client';
import type { EnvelopeFetch } from '../mime/envelope';

/**
 * A fetched row as it crosses to the header-store thread: the FETCH items the header store reads
 * (fromImapEnvelope), its header bytes copied out of imapflow's buffers.
 */
export type WireRow = Omit<EnvelopeFetch, 'headers'> & { headers?: Uint8Array };

/** `close`: the folder's batches are done; the thread closes its database and ends, after any batch posted before. */
export type ToHeaderStore = { type: 'write'; id: number; folderId: number; rows: WireRow[] } | { type: 'close' };

export type FromHeaderStore =
  | { type: 'changes'; changes: StoreChange[] }
  | { type: 'written'; id: number }
  | { type: 'failed'; id: number; error: ErrorShape };

/** Marks the bundled file as the header-store worker, so it refuses to run as anything else. */
export const HEADER_STORE_ROLE = 'wren-header-store';

/**
 * The items the header store reads, every row with the same fields in the same order (those a message
 * lacks left undefined), so the rows that reach the other thread share one shape: imapflow's rows differ
 * by what each answer carried, and every new shape made the store's optimised decoding start over. The
 * header bytes are a compact copy: a Buffer may be a view into a much larger chunk, all of which would
 * be cloned.
 */
export function toWire(row: FetchedMessage): WireRow {
  // Every item named (`satisfies`): one that fromImapEnvelope comes to read fails to compile here until it crosses too.
  return {
    uid: row.uid,
    flags: row.flags,
    internalDate: row.internalDate,
    size: row.size,
    modseq: row.modseq,
    envelope: row.envelope,
    bodyStructure: row.bodyStructure,
    headers: row.headers ? new Uint8Array(row.headers) : undefined,
    mimeHeaders: row.mimeHeaders,
  } satisfies Record<keyof WireRow, unknown>;
}

export function fromWire(row: WireRow): EnvelopeFetch {
  const { headers } = row;
  return { ...row, headers: headers ? Buffer.from(headers.buffer, headers.byteOffset, headers.byteLength) : undefined };
}
