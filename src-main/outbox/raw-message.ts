import { Readable } from 'node:stream';
import { WrenError } from '../errors/wren-error';
import { parseAddressList } from '../mime/addresses';
import { normalizeMessageId } from '../mime/header-fields';
import type { BuiltMessage } from './build-message';
import { newMessageId } from './message-id';

/** A header block larger than this is not a mail message someone meant to send. */
const MAX_HEADER_BYTES = 1024 * 1024;

/**
 * A ready-made message (`wren send --raw`, like `sendmail -t`): the
 * recipients are read from its To, Cc and Bcc headers, the Bcc header is
 * removed, and a Message-ID and Date are added when it has none. Only the
 * header block is held in memory; the body streams through.
 */
export async function prepareRawMessage(source: AsyncIterable<Buffer>, fallbackFrom: string): Promise<BuiltMessage> {
  const { head, rest, iterator } = await readHead(source);
  const newline = head.includes('\r\n') ? '\r\n' : '\n';
  const fields = splitFields(head);
  const value = (name: string) => fields.filter((f) => f.name === name).map((f) => f.value).join(', ');
  const recipients = ['to', 'cc', 'bcc'].flatMap((name) => parseAddressList(value(name)).addresses.map((a) => a.address)).filter(Boolean);
  if (recipients.length === 0) throw new WrenError('BadRequest', 'The message names no recipient in To, Cc or Bcc.');
  const from = parseAddressList(value('from')).addresses[0]?.address || fallbackFrom;
  const existingId = normalizeMessageId(value('message-id'));
  const messageId = existingId ?? newMessageId(from);
  const kept = fields.filter((f) => f.name !== 'bcc').map((f) => f.raw);
  if (!existingId) kept.push(`Message-ID: ${messageId}`);
  if (!fields.some((f) => f.name === 'date')) kept.push(`Date: ${new Date().toUTCString().replace('GMT', '+0000')}`);
  const header = Buffer.from(kept.join(newline) + newline + newline, 'latin1');
  return {
    messageId,
    envelope: { from, to: [...new Set(recipients)] },
    // Its body is still in the source, unread: streamed to the store whatever its size.
    sizeBound: Infinity,
    stream: () => {
      // The source can be read once: a second call would have nothing to send.
      return Readable.from(concat(header, rest, iterator));
    },
  };
}

async function* concat(header: Buffer, rest: Buffer, iterator: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield header;
  if (rest.length > 0) yield rest;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield Buffer.from(next.value);
  }
}

async function readHead(source: AsyncIterable<Buffer>): Promise<{ head: string; rest: Buffer; iterator: AsyncIterator<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  let buffered = Buffer.alloc(0);
  for (;;) {
    const text = buffered.toString('latin1');
    const end = text.search(/\r?\n\r?\n/);
    if (end >= 0) {
      const blank = /\r?\n\r?\n/.exec(text.slice(end))![0].length;
      return { head: text.slice(0, end), rest: buffered.subarray(end + blank), iterator };
    }
    if (buffered.length > MAX_HEADER_BYTES) throw new WrenError('BadRequest', 'The message has no end to its header block.');
    const next = await iterator.next();
    if (next.done) return { head: text, rest: Buffer.alloc(0), iterator };
    buffered = Buffer.concat([buffered, Buffer.from(next.value)]);
  }
}

interface RawField {
  name: string;
  /** Unfolded, 8-bit bytes read as UTF-8. */
  value: string;
  /** As written, folding kept (latin1 text, so every byte survives). */
  raw: string;
}

function splitFields(head: string): RawField[] {
  const fields: RawField[] = [];
  for (const line of head.split(/\r?\n/)) {
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.raw += (head.includes('\r\n') ? '\r\n' : '\n') + line;
      last.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1), raw: line });
  }
  return fields.map((f) => ({ ...f, value: Buffer.from(f.value, 'latin1').toString('utf8').trim() }));
}
