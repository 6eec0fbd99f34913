import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { FetchedMessage } from '../../../src-main/imap/imap-client';
import { fromImapEnvelope } from '../../../src-main/mime/envelope';
import { fromWire, toWire } from '../../../src-main/sync/header-store-protocol';

const HEADERS = Buffer.from('Subject: Hello\r\nFrom: Ann <ann@example.test>\r\n\r\n');

/** Rows as imapflow gives them: each with what its answer carried, in the order it came. */
const ROWS = [
  { seq: 1, uid: 11, flags: new Set(['\\Seen']), internalDate: new Date('2025-06-02T09:31:00Z'), size: 120, headers: HEADERS, id: 'a1' },
  { id: 'b2', size: 300, uid: 12, seq: 2, headers: HEADERS, modseq: 7n, bodyStructure: { type: 'text/plain', parameters: { charset: 'utf-8' }, size: 10 } },
  { seq: 3, uid: 13, headers: HEADERS, mimeHeaders: { '2': 'Content-Type: application/pdf; name=a.pdf\r\n' } },
] as unknown as FetchedMessage[];

describe('the rows handed to the header-store thread', () => {
  it('share one shape, whatever each answer carried, so its decoding stays optimised for one', () => {
    const keys = ROWS.map((row) => Object.keys(toWire(row)));
    expect(new Set(keys.map((k) => k.join())).size).toBe(1);
    expect(keys[0]).toEqual(['uid', 'flags', 'internalDate', 'size', 'modseq', 'envelope', 'bodyStructure', 'headers', 'mimeHeaders']);
  });

  it('decode on the other side as the rows themselves do', () => {
    for (const row of ROWS) {
      const crossed = fromWire(deserialize(serialize(toWire(row))) as ReturnType<typeof toWire>);
      expect(fromImapEnvelope(crossed)).toEqual(fromImapEnvelope(row));
    }
  });

  it('carry a compact copy of the header bytes, not the chunk they are a view into', () => {
    const chunk = Buffer.alloc(64 * 1024);
    HEADERS.copy(chunk, 1000);
    const row = { seq: 1, uid: 1, headers: chunk.subarray(1000, 1000 + HEADERS.length) } as unknown as FetchedMessage;
    const wire = toWire(row);
    expect(wire.headers!.buffer.byteLength).toBe(HEADERS.length);
    expect(Buffer.from(wire.headers!).equals(HEADERS)).toBe(true);
  });
});
