import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { byteLines, MAX_PIECE } from '../../../src-main/mailfiles/byte-lines';
import { readMbox } from '../../../src-main/mailfiles/mbox-reader';
import { mboxrdMessage, separatorLine } from '../../../src-main/mailfiles/mbox-writer';

const MESSAGES = [
  'From: a@example.test\r\nSubject: one\r\n\r\nFrom here on\r\n>From quoted\r\n>>From twice\r\nFromage\r\n',
  'Subject: two\n\nFrom the start\n\n\nFrom after blank lines\n>From\n',
  'Subject: three\r\n\r\nends without a blank line\r\n\r\n',
  'Subject: four\n\n>>>From deep\nFrom last',
].map((text) => Buffer.from(text, 'latin1'));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function mboxOf(messages: Buffer[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const message of messages) parts.push(...(await collect(mboxrdMessage('a@example.test', new Date(0), Readable.from([message])))));
  return Buffer.concat(parts);
}

/** The file fed in chunks of `size` bytes, so line ends and "From " fall across every boundary. */
function* chunked(file: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < file.length; at += size) yield file.subarray(at, at + size);
}

async function messagesIn(chunks: Iterable<Buffer>): Promise<Buffer[]> {
  const messages: Buffer[][] = [];
  for await (const piece of readMbox(Readable.from(chunks))) {
    if (piece.kind === 'start') messages.push([]);
    else messages[messages.length - 1]!.push(Buffer.from(piece.bytes));
  }
  return messages.map((parts) => Buffer.concat(parts));
}

describe('mboxrd', () => {
  it('quotes every >*From line once and reads each message back byte for byte, wherever the chunks split', async () => {
    const file = await mboxOf(MESSAGES);
    const text = file.toString('latin1');
    expect(text).toContain('\r\n>From here on\r\n>>From quoted\r\n>>>From twice\r\nFromage\r\n');
    expect(text).toContain('\n>>>>From deep\n>From last\n\n');
    expect(text.match(/^From /gm)).toHaveLength(4);
    // The last message lacked its final newline: mboxrd cannot say so, so it comes back with one.
    const expected = [...MESSAGES.slice(0, 3), Buffer.concat([MESSAGES[3]!, Buffer.from('\n')])];
    for (let size = 1; size <= 64; size += 1) expect(await messagesIn(chunked(file, size))).toEqual(expected);
    expect(await messagesIn([file])).toEqual(expected);
  });

  it('writes the separator mutt and Thunderbird read: "From sender asctime"', () => {
    expect(separatorLine('a@example.test', new Date(Date.UTC(2026, 0, 5, 7, 8, 9)))).toBe('From a@example.test Mon Jan  5 07:08:09 2026\n');
    expect(separatorLine('', new Date(0))).toBe('From MAILER-DAEMON Thu Jan  1 00:00:00 1970\n');
  });

  it('reads a plain mbox from other programs: "From " only after a blank line starts a message', async () => {
    const file = Buffer.from('From x Thu Jan  1 00:00:00 1970\nSubject: a\n\nbody\nFrom inside, no blank before\n\nFrom y Thu Jan  1 00:00:00 1970\nSubject: b\n\nb\n');
    const messages = (await messagesIn([file])).map((m) => m.toString());
    expect(messages).toEqual(['Subject: a\n\nbody\nFrom inside, no blank before\n', 'Subject: b\n\nb\n']);
  });
});

describe('byteLines', () => {
  it('splits on "\\n" across any chunk boundary and hands a very long line on in pieces', async () => {
    const long = 'x'.repeat(MAX_PIECE * 2 + 10);
    const file = Buffer.from(`a\r\nbc\n${long}\nend`);
    for (const size of [1, 2, 3, 5, 8]) {
      const short = Buffer.from('a\r\nbc\n\nend');
      const pieces = await collect(byteLines(Readable.from([...chunked(short, size)])));
      expect(pieces.map((p) => p.bytes.toString())).toEqual(['a\r\n', 'bc\n', '\n', 'end']);
    }
    for (const size of [1000, 4096, MAX_PIECE + 1]) {
      const pieces = await collect(byteLines(Readable.from([...chunked(file, size)])));
      expect(Buffer.concat(pieces.map((p) => p.bytes)).equals(file)).toBe(true);
      expect(pieces.every((p) => p.bytes.length < MAX_PIECE + size)).toBe(true);
      const lines = pieces.filter((p) => p.lineStart).map((p) => p.bytes.subarray(0, 3).toString());
      expect(lines).toEqual(['a\r\n', 'bc\n', 'xxx', 'end']);
    }
  });
});
