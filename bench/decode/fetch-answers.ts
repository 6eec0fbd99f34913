// Builds, without a server, the FETCH answers a header sync of the bench's mailbox gets: the
// header fields of BODY.PEEK[HEADER.FIELDS (...)] as Dovecot returns them (the matching
// lines in message order, folds kept, then a blank line) and a BODYSTRUCTURE shaped as
// imapflow parses it (parameters lower-cased and decoded). An approximation of imapflow's
// object, close enough to time the decoding and to compare two versions of it.
import type { MessageStructureObject } from 'imapflow';
import libmime from 'libmime';
import { HEADER_FIELDS } from '../../src-main/imap/fetch-headers';
import type { EnvelopeFetch } from '../../src-main/mime/envelope';
import { generateMessage, type MailboxPlan } from '../generator/generate-message';

const FIELDS = new Set(HEADER_FIELDS);

/** The bench's own plan (bench-main.ts), with a fixed owner address. */
export function benchPlan(count: number, seed: number): MailboxPlan {
  return { count, seed, owner: { name: 'Alice Example', address: 'alice@bench.example.test' }, end: new Date('2025-06-01T00:00:00Z'), spanDays: 730 };
}

export function fetchAnswers(plan: MailboxPlan): EnvelopeFetch[] {
  return Array.from({ length: plan.count }, (_, index) => {
    const message = generateMessage(index, plan);
    const flags = new Set([...(message.flags.seen ? ['\\Seen'] : []), ...(message.flags.flagged ? ['\\Flagged'] : []), ...(message.flags.answered ? ['\\Answered'] : [])]);
    return {
      uid: index + 1, flags, size: message.source.length, internalDate: message.internalDate, modseq: BigInt(index + 2),
      headers: headerFields(message.source), bodyStructure: bodyStructure(message.source, []),
    };
  });
}

interface Part {
  fields: Array<[string, string]>;
  body: Buffer;
}

/** Splits at the first blank line; each field keeps its folds (latin1 keeps bytes as they are). */
function splitPart(source: Buffer): Part {
  const end = source.indexOf('\r\n\r\n');
  const head = source.subarray(0, end < 0 ? source.length : end + 2).toString('latin1');
  const fields: Array<[string, string]> = [];
  for (const line of head.split(/(?<=\r\n)(?![ \t])/)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.push([line.slice(0, colon).trim().toLowerCase(), line]);
  }
  return { fields, body: end < 0 ? Buffer.alloc(0) : source.subarray(end + 4) };
}

function headerFields(source: Buffer): Buffer {
  const kept = splitPart(source).fields.filter(([name]) => FIELDS.has(name)).map(([, line]) => line);
  return Buffer.from(`${kept.join('')}\r\n`, 'latin1');
}

function fieldValue(part: Part, name: string): string | undefined {
  const line = part.fields.find(([n]) => n === name)?.[1];
  return line === undefined ? undefined : line.slice(line.indexOf(':') + 1).replace(/\r\n(?=[ \t])/g, '').trim();
}

function decodedParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toLowerCase(), libmime.decodeWords(v)]));
}

function bodyStructure(source: Buffer, path: number[]): MessageStructureObject {
  const part = splitPart(source);
  const type = libmime.parseHeaderValue(fieldValue(part, 'content-type') ?? 'text/plain');
  const node: MessageStructureObject = { type: type.value.toLowerCase(), parameters: decodedParams(type.params) } as MessageStructureObject;
  if (path.length) node.part = path.join('.');
  const disposition = fieldValue(part, 'content-disposition');
  if (disposition) {
    const parsed = libmime.parseHeaderValue(disposition);
    node.disposition = parsed.value.toLowerCase();
    node.dispositionParameters = decodedParams(parsed.params);
  }
  if (node.type.startsWith('multipart/')) {
    node.childNodes = children(part.body, type.params.boundary ?? '').map((child, i) => bodyStructure(child, [...path, i + 1]));
    return node;
  }
  node.encoding = (fieldValue(part, 'content-transfer-encoding') ?? '7bit').toLowerCase();
  node.size = part.body.length;
  if (node.type.startsWith('text/')) node.lineCount = part.body.toString('latin1').split('\r\n').length - 1;
  return node;
}

function children(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const pieces = text.split(`--${boundary}`).slice(1, -1);
  return pieces.map((piece) => Buffer.from(piece.replace(/^\r\n/, '').replace(/\r\n$/, ''), 'latin1'));
}
