import { describe, expect, it } from 'vitest';
import { ResponseReader, type BodySink } from '../../../src-main/pop3/response-reader';
import type { StatusLine } from '../../../src-main/pop3/status-line';

/** RFC 1939 §3 dot-stuffing, written independently of the reader: a line starting with '.' gets one more. */
function stuff(body: Buffer): Buffer {
  const text = body.toString('latin1');
  return Buffer.from(text.replace(/(^|\r\n)\./g, '$1..'), 'latin1');
}

interface Heard {
  statuses: StatusLine[];
  bodies: Buffer[][];
  ended: number;
  answered: number;
  protocolErrors: string[];
  backpressure: number;
}

function reader(options: { full?: boolean } = {}): { reader: ResponseReader; heard: Heard; expectMulti(): void; expectSingle(): void } {
  const heard: Heard = { statuses: [], bodies: [], ended: 0, answered: 0, protocolErrors: [], backpressure: 0 };
  const r = new ResponseReader({
    onBackpressure: () => heard.backpressure++,
    onAnswered: () => heard.answered++,
    onProtocolError: (what, line) => heard.protocolErrors.push(`${what}: ${line.toString('latin1')}`),
  });
  const sink = (): BodySink => {
    const parts: Buffer[] = [];
    heard.bodies.push(parts);
    return {
      push: (bytes) => {
        expect(Buffer.isBuffer(bytes)).toBe(true);
        parts.push(Buffer.from(bytes));
        return !options.full;
      },
      end: () => heard.ended++,
      fail: (error) => {
        throw error;
      },
    };
  };
  return {
    reader: r,
    heard,
    expectMulti: () => r.expect({ multiLine: true, onStatus: (s) => (heard.statuses.push(s), sink()), onFail: () => undefined }),
    expectSingle: () => r.expect({ multiLine: false, onStatus: (s) => void heard.statuses.push(s), onFail: () => undefined }),
  };
}

const BODIES: Record<string, Buffer> = {
  'a line that is just a dot': Buffer.from('Subject: x\r\n\r\nbefore\r\n.\r\nafter\r\n'),
  'lines starting with two dots': Buffer.from('Subject: x\r\n\r\n..two\r\n...three\r\n.one\r\n'),
  'a dot as the first and last line': Buffer.from('.\r\nmiddle\r\n.\r\n'),
  'a dot line then an empty line': Buffer.from('a\r\n.\r\n\r\nb\r\n'),
  'dot CR without LF inside a line': Buffer.from('x .\r y\r\n.\rz\r\n'),
  'an empty body': Buffer.alloc(0),
  '8-bit bytes (GBK) and NULs': Buffer.concat([Buffer.from('Subject: gbk\r\n\r\n'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x00, 0xff, 0x2e, 0x0d, 0x0a]), Buffer.from('.\r\n')]),
};

/** A multi-line answer to RETR followed by the answer to the next command, as on a pipelined wire. */
function wire(body: Buffer): Buffer {
  return Buffer.concat([Buffer.from('+OK 42 octets\r\n'), stuff(body), Buffer.from('.\r\n+OK next\r\n')]);
}

function feedInPieces(body: Buffer, pieces: Buffer[]): Heard {
  const { reader: r, heard, expectMulti, expectSingle } = reader();
  expectMulti();
  expectSingle();
  for (const piece of pieces) r.feed(piece);
  return heard;
}

function expectDecoded(heard: Heard, body: Buffer): void {
  expect(heard.protocolErrors).toEqual([]);
  expect(Buffer.concat(heard.bodies[0] ?? [])).toEqual(body);
  expect(heard.ended).toBe(1);
  expect(heard.statuses.map((s) => s.text)).toEqual(['42 octets', 'next']);
  expect(heard.answered).toBe(2);
}

describe('ResponseReader: multi-line answers', () => {
  for (const [name, body] of Object.entries(BODIES)) {
    it(`${name}: whole, at every single split point, and one byte at a time`, () => {
      const bytes = wire(body);
      expectDecoded(feedInPieces(body, [bytes]), body);
      for (let split = 1; split < bytes.length; split++) {
        expectDecoded(feedInPieces(body, [bytes.subarray(0, split), bytes.subarray(split)]), body);
      }
      const oneByOne = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
      expectDecoded(feedInPieces(body, oneByOne), body);
    });
  }

  it('finds the terminator at every pair of split points around it', () => {
    const body = BODIES['a line that is just a dot']!;
    const bytes = wire(body);
    const end = bytes.indexOf('.\r\n+OK next');
    for (let a = end - 4; a <= end + 4; a++) {
      for (let b = a + 1; b <= end + 6; b++) {
        expectDecoded(feedInPieces(body, [bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)]), body);
      }
    }
  });

  it('does not end the body at CRLF.CRLF that is stuffed (CRLF..CRLF)', () => {
    const { reader: r, heard, expectMulti } = reader();
    expectMulti();
    r.feed(Buffer.from('+OK\r\nline\r\n..\r\nmore\r\n'));
    expect(heard.ended).toBe(0);
    r.feed(Buffer.from('.\r\n'));
    expect(Buffer.concat(heard.bodies[0]!).toString()).toBe('line\r\n.\r\nmore\r\n');
  });

  it('has no body after -ERR to a multi-line command', () => {
    const { reader: r, heard, expectMulti, expectSingle } = reader();
    expectMulti();
    expectSingle();
    r.feed(Buffer.from('-ERR [SYS/TEMP] no such message\r\n+OK\r\n'));
    expect(heard.statuses).toEqual([
      { kind: 'err', code: 'SYS/TEMP', text: 'no such message' },
      { kind: 'ok', code: null, text: '' },
    ]);
    expect(heard.bodies.flat()).toEqual([]);
    expect(heard.ended).toBe(0);
  });

  it('asks the socket to pause when the body receiver is full', () => {
    const { reader: r, heard, expectMulti } = reader({ full: true });
    expectMulti();
    r.feed(Buffer.from('+OK\r\nabc\r\n'));
    expect(heard.backpressure).toBe(1);
  });

  it('calls bytes nobody asked for a protocol error, with the line', () => {
    const { reader: r, heard } = reader();
    r.feed(Buffer.from('+OK surprise\r\n'));
    expect(heard.protocolErrors).toEqual(['an answer nobody asked for: +OK surprise']);
  });

  it('calls garbage where a status line belongs a protocol error, with the line', () => {
    const { reader: r, heard, expectSingle } = reader();
    expectSingle();
    r.feed(Buffer.from('HTTP/1.1 400 Bad Request\r\n'));
    expect(heard.protocolErrors).toEqual(['not a status line where +OK or -ERR belongs: HTTP/1.1 400 Bad Request']);
  });

  it('drops what follows the +OK of a discarding answer (STLS) until restarted', () => {
    const { reader: r, heard, expectSingle } = reader();
    r.expect({ multiLine: false, discardAfter: true, onStatus: (s) => void heard.statuses.push(s), onFail: () => undefined });
    r.feed(Buffer.from('+OK Begin TLS\r\n+OK injected\r\n'));
    expect(heard.protocolErrors).toEqual([]);
    expect(heard.statuses).toHaveLength(1);
    r.restart();
    expectSingle();
    r.feed(Buffer.from('+OK after\r\n'));
    expect(heard.statuses.map((s) => s.text)).toEqual(['Begin TLS', 'after']);
  });

  it('fails the answers still awaited when the connection fails', () => {
    const r = new ResponseReader({ onBackpressure: () => undefined, onAnswered: () => undefined, onProtocolError: () => undefined });
    const failures: Error[] = [];
    const sinkFailures: Error[] = [];
    r.expect({
      multiLine: true,
      onStatus: () => ({ push: () => true, end: () => undefined, fail: (e) => sinkFailures.push(e) }),
      onFail: (e) => failures.push(e),
    });
    r.expect({ multiLine: false, onStatus: () => undefined, onFail: (e) => failures.push(e) });
    r.feed(Buffer.from('+OK\r\nhalf a mess'));
    r.fail(new Error('gone'));
    expect(sinkFailures.map((e) => e.message)).toEqual(['gone']);
    expect(failures.map((e) => e.message)).toEqual(['gone']);
    r.expect({ multiLine: false, onStatus: () => undefined, onFail: (e) => failures.push(e) });
    expect(failures).toHaveLength(2);
  });
});
