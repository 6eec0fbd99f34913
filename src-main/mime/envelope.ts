import type { FetchMessageObject, MessageAddressObject } from 'imapflow';
import type { Address } from '../ipc/contract';
import type { HeaderRecord } from '../store/messages-repo';
import { NO_ADDRESS } from './addresses';
import { fromImapBodyStructure, hasAttachments } from './body-structure';
import { normalizeMessageId, readHeaderFields, type HeaderFields } from './header-fields';
import { repairLostFileNames, type MimeHeaderBlocks } from './lost-file-names';
import { splitHeaderBlock } from './raw-headers';
import { parseMailDate } from './mail-date';
import type { StructurePart } from './structure';

/** The FETCH items fromImapEnvelope reads; all but uid are optional. */
export type EnvelopeFetch = Pick<FetchMessageObject, 'uid'> &
  Partial<Pick<FetchMessageObject, 'envelope' | 'internalDate' | 'size' | 'flags' | 'bodyStructure' | 'modseq' | 'headers'>> & { mimeHeaders?: MimeHeaderBlocks };

/**
 * imapflow decodes encoded words with libmime, which reads a text the
 * sender mislabelled (UTF-8 bytes in an "iso-8859-1" word) as Latin-1
 * mojibake: "ä½ å¥½". When the Latin-1 bytes form valid multi-byte UTF-8
 * that is what they were; ordinary Latin-1 text almost never does.
 * (Raw 8-bit bytes cannot be repaired here: imapflow reads them as UTF-8 and
 * replaces what is invalid with U+FFFD, so the bytes are gone. Only fetching
 * `headers` brings them back, see fromImapEnvelope.)
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c0-\u00ff][\u0080-\u00bf]/.test(text) || /[\u0100-\uffff]/.test(text)) return text;
  const bytes = Buffer.from(text, 'latin1');
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\uFFFD') ? text : utf8;
}

function toAddress(a: MessageAddressObject): Address {
  return { name: repairMojibake((a.name ?? '').trim()), address: (a.address ?? '').trim() };
}

function toTime(value: Date | string | undefined): number | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : null;
  return parseMailDate(value);
}

function envelopeFields(msg: EnvelopeFetch): HeaderFields {
  const env = msg.envelope ?? {};
  const from = env.from?.[0] ?? env.sender?.[0];
  return {
    subject: repairMojibake(env.subject ?? '').trim(),
    from: from ? toAddress(from) : NO_ADDRESS,
    to: (env.to ?? []).map(toAddress),
    cc: (env.cc ?? []).map(toAddress),
    date: toTime(env.date),
    messageId: normalizeMessageId(env.messageId),
    inReplyTo: normalizeMessageId(env.inReplyTo),
    threadRoot: null,
    priority: 'normal',
  };
}

/**
 * The charset of the message's first labelled text part, the best hint for
 * raw 8-bit headers: a single-part body, or the text part of a multipart
 * (without it, a raw Shift_JIS subject of multipart/alternative mail would
 * fall through to GB18030, which reads nearly any Shift_JIS as Chinese).
 */
export function bodyCharset(structure: StructurePart | null): string | null {
  if (!structure) return null;
  if (!structure.children) return structure.type.startsWith('text/') ? (structure.parameters.charset ?? null) : null;
  for (const child of structure.children) {
    const charset = bodyCharset(child);
    if (charset) return charset;
  }
  return null;
}

/**
 * Header fields fetched raw (FETCH BODY.PEEK[HEADER.FIELDS (...)], imapflow's
 * `headers: [...]`) are decoded here from their bytes, which is the only way
 * to read raw 8-bit GBK subjects and to keep broken encoded words as written;
 * they replace, in `fields`, the envelope's versions of the fields present
 * (the sync fetches no ENVELOPE at all: decoding it too was work thrown away).
 */
function overlayRawFields(fields: HeaderFields, headers: Buffer, structure: StructurePart | null): void {
  const raw = splitHeaderBlock(headers);
  const decoded = readHeaderFields(raw, bodyCharset(structure));
  for (const { name } of raw) {
    if (name === 'subject') fields.subject = decoded.subject;
    else if (name === 'from' || name === 'sender') fields.from = decoded.from;
    else if (name === 'to') fields.to = decoded.to;
    else if (name === 'cc') fields.cc = decoded.cc;
    else if (name === 'date') fields.date = decoded.date;
    else if (name === 'message-id') fields.messageId = decoded.messageId;
    else if (name === 'in-reply-to') fields.inReplyTo = decoded.inReplyTo;
    else if (name === 'references') fields.threadRoot = decoded.threadRoot;
    else if (name === 'x-priority' || name === 'importance') fields.priority = decoded.priority;
  }
}

/**
 * The list's fields: from the raw header fields when they were fetched
 * (see overlayRawFields), over the ENVELOPE's when that came too. A header
 * sync fetches no ENVELOPE: its fields are then the raw ones alone, and a
 * field the message lacks reads as readHeaderFields has it (the same as an
 * empty envelope's), without building an envelope's worth of defaults first.
 */
function fieldsOf(msg: EnvelopeFetch, structure: StructurePart | null): HeaderFields {
  if (!msg.headers?.length) return envelopeFields(msg);
  if (!msg.envelope) return readHeaderFields(splitHeaderBlock(msg.headers), bodyCharset(structure));
  const fields = envelopeFields(msg);
  overlayRawFields(fields, msg.headers, structure);
  return fields;
}

/**
 * Builds the stored header record from an IMAP FETCH of ENVELOPE, FLAGS,
 * RFC822.SIZE, INTERNALDATE and BODYSTRUCTURE (plus, ideally, `headers`
 * for SUBJECT FROM TO CC, and `mimeHeaders` for parts whose file name
 * BODYSTRUCTURE lost). A missing Date header gives date null; the list
 * then sorts by internalDate. Written out field by field, not spread: this
 * runs for every message a sync fetches.
 */
export function fromImapEnvelope(msg: EnvelopeFetch): HeaderRecord {
  const structure = msg.bodyStructure ? fromImapBodyStructure(msg.bodyStructure) : null;
  if (structure && msg.mimeHeaders) repairLostFileNames(structure, msg.mimeHeaders, bodyCharset(structure));
  const fields = fieldsOf(msg, structure);
  return {
    uid: msg.uid,
    uidl: null,
    subject: fields.subject,
    from: fields.from,
    to: fields.to,
    cc: fields.cc,
    date: fields.date,
    messageId: fields.messageId,
    inReplyTo: fields.inReplyTo,
    threadRoot: fields.threadRoot,
    priority: fields.priority,
    internalDate: toTime(msg.internalDate),
    size: msg.size ?? 0,
    flags: msg.flags ? [...msg.flags] : [],
    hasAttachments: structure ? hasAttachments(structure) : false,
    structure,
    modseq: msg.modseq !== undefined ? Number(msg.modseq) : null,
  };
}
