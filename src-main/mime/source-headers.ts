import type { HeaderRecord } from '../store/messages-repo';
import { readHeaderFields } from './header-fields';
import { firstHeader, splitHeaderBlock, type RawHeader } from './raw-headers';

/** Header blocks longer than this are cut (a broken message without a blank line must not be read whole as headers). */
const MAX_HEADER_BYTES = 256 * 1024;

/** The header block of a source (up to the first blank line), without copying the body. */
export function headerBlock(source: Buffer): Buffer {
  const head = source.subarray(0, MAX_HEADER_BYTES);
  const crlf = head.indexOf('\r\n\r\n');
  const lf = head.indexOf('\n\n');
  const ends = [crlf, lf].filter((at) => at >= 0);
  return ends.length ? head.subarray(0, Math.min(...ends)) : head;
}

/** `charset=` of a single-part message's Content-Type: the best hint for raw 8-bit headers. */
function bodyCharset(headers: RawHeader[]): string | null {
  const type = firstHeader(headers, 'content-type') ?? '';
  if (/^\s*multipart\//i.test(type)) return null;
  return /charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1] ?? null;
}

/** A mixed multipart is what carries attachments; enough for the list's paper clip before the message is opened. */
function looksLikeAttachments(headers: RawHeader[]): boolean {
  return /^\s*multipart\/mixed/i.test(firstHeader(headers, 'content-type') ?? '');
}

/**
 * The list's record of a message known only by its source (POP3), decoded
 * with the same header code as IMAP's raw header fields. `size` is the
 * message's real size (LIST's, when only the top was downloaded).
 */
export function headerRecordFromSource(head: Buffer, fields: { uidl: string; size: number; arrivedAt: number }): HeaderRecord {
  const headers = splitHeaderBlock(headerBlock(head));
  const { warnings: _warnings, ...decoded } = readHeaderFields(headers, bodyCharset(headers));
  return {
    uid: null,
    uidl: fields.uidl,
    ...decoded,
    internalDate: fields.arrivedAt,
    size: fields.size,
    flags: [],
    hasAttachments: looksLikeAttachments(headers),
    structure: null,
    modseq: null,
  };
}
