import type { ImapClient } from '../imap/imap-client';
import type { ReceiptRequest } from '../ipc/contract';
import { parseAddressList } from '../mime/addresses';
import { firstHeader, splitHeaderBlock, type RawHeader } from '../mime/raw-headers';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { messageHeaderFields } from './message-header-fields';

/** The keyword that says a receipt was sent or refused (RFC 3503): the request is not asked about again, here or on another device. */
export const MDN_SENT = '$MDNSent';

const addressesIn = (value: string | null) => (value ? parseAddressList(value).addresses.map((a) => a.address.toLowerCase()).filter(Boolean) : []);

/** A receipt itself (multipart/report of a disposition notification): never answered with another. */
function isReceipt(headers: RawHeader[]): boolean {
  const type = firstHeader(headers, 'content-type')?.toLowerCase() ?? '';
  return /^\s*multipart\/report\s*;/.test(type) && /report-type\s*=\s*"?disposition-notification/.test(type);
}

/**
 * The sender's request for a return receipt (RFC 8098 Disposition-Notification-To), or null when the
 * message asks none (or is a receipt). `elsewhere`: the receipt would go to another address than the
 * one the message came from (Return-Path, else From), which RFC 8098 says the user must be told of.
 * With several addresses only the first is answered.
 */
export function readReceiptRequest(raw: Buffer): Omit<ReceiptRequest, 'policy'> | null {
  const headers = splitHeaderBlock(raw);
  const to = addressesIn(firstHeader(headers, 'disposition-notification-to'))[0];
  if (!to || isReceipt(headers)) return null;
  const cameFrom = addressesIn(firstHeader(headers, 'return-path'))[0] ?? addressesIn(firstHeader(headers, 'from'))[0];
  return { to, elsewhere: to !== cameFrom };
}

/** From the cached source or header block, or asked of the server; null when there is none or it cannot be told now (offline). */
export async function loadReceiptRequest(
  store: Store,
  record: MessageRecord,
  withImap: <T>(work: (client: ImapClient) => Promise<T>) => Promise<T>,
): Promise<Omit<ReceiptRequest, 'policy'> | null> {
  const raw = await messageHeaderFields(store, record, withImap);
  return raw ? readReceiptRequest(raw) : null;
}
