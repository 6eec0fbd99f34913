import type { ErrorShape } from '../errors/error-codes';
import type { StoreChange } from '../ipc/contract';
import type { FetchedMessage } from '../imap/imap-client';

/** A fetched row as it crosses to the header-store thread: its header bytes copied out of imapflow's buffers. */
export type WireRow = Omit<FetchedMessage, 'headers'> & { headers?: Uint8Array };

/** `close`: the folder's batches are done; the thread closes its database and ends, after any batch posted before. */
export type ToHeaderStore = { type: 'write'; id: number; folderId: number; rows: WireRow[] } | { type: 'close' };

export type FromHeaderStore =
  | { type: 'changes'; changes: StoreChange[] }
  | { type: 'written'; id: number }
  | { type: 'failed'; id: number; error: ErrorShape };

/** Marks the bundled file as the header-store worker, so it refuses to run as anything else. */
export const HEADER_STORE_ROLE = 'wren-header-store';

/** A compact copy of the header bytes: a Buffer may be a view into a much larger chunk, all of which would be cloned. */
export function toWire(row: FetchedMessage): WireRow {
  return { ...row, headers: row.headers ? new Uint8Array(row.headers) : undefined };
}

export function fromWire(row: WireRow): FetchedMessage {
  const { headers } = row;
  return { ...row, headers: headers ? Buffer.from(headers.buffer, headers.byteOffset, headers.byteLength) : undefined } as FetchedMessage;
}
