import { readHeaderFields } from '../mime/header-fields';
import { firstHeader, splitHeaderBlock } from '../mime/raw-headers';
import type { HeaderRecord } from '../store/messages-repo';

/**
 * The list fields of an imported message, from its header block. Flags come
 * from the Status / X-Status headers mutt and other mbox writers keep
 * (R read, F flagged, A answered); none means unread.
 */
export function importedHeaders(head: Buffer, size: number, importedAt: number): HeaderRecord {
  const headers = splitHeaderBlock(head);
  const fields = readHeaderFields(headers);
  const status = `${firstHeader(headers, 'status') ?? ''}${firstHeader(headers, 'x-status') ?? ''}`;
  const flags = [status.includes('R') ? '\\Seen' : null, status.includes('F') ? '\\Flagged' : null, status.includes('A') ? '\\Answered' : null]
    .filter((flag): flag is string => flag !== null);
  const contentType = firstHeader(headers, 'content-type')?.trim().toLowerCase() ?? '';
  return {
    uid: null, uidl: null, messageId: fields.messageId, inReplyTo: fields.inReplyTo, threadRoot: fields.threadRoot, priority: fields.priority, subject: fields.subject, from: fields.from,
    to: fields.to, cc: fields.cc, date: fields.date, internalDate: fields.date ?? importedAt, size, flags,
    hasAttachments: contentType.startsWith('multipart/mixed'), structure: null, modseq: null,
  };
}
