import { DotDecoder } from './dot-decoder';
import { parseStatusLine, type StatusLine } from './status-line';

/** Where the bytes of a multi-line answer go. `push` returns false when the receiver wants no more for now. */
export interface BodySink {
  push(bytes: Buffer): boolean;
  end(): void;
  fail(error: Error): void;
}

/** An answer the reader waits for, in the order the commands were sent. */
export interface ExpectedAnswer {
  /** True when a +OK answer is followed by a multi-line body (RETR, TOP, LIST, UIDL, CAPA). */
  multiLine: boolean;
  /** Called with the status line; returns the body's sink when a body follows. */
  onStatus(status: StatusLine): BodySink | void;
  /** The connection failed before the answer was complete. */
  onFail(error: Error): void;
  /** After this answer, bytes still buffered are dropped (STLS: nothing sent before TLS may be trusted after it). */
  discardAfter?: boolean;
}

/** RFC 2449 caps a status line at 512 octets; far more than that without a CRLF is not POP3. */
const MAX_STATUS_LINE = 64 * 1024;
const LF = 0x0a;

export interface ReaderEvents {
  /** A body receiver is full: stop reading the socket until `resume`. */
  onBackpressure(): void;
  /** An answer is complete (status and any body). */
  onAnswered(): void;
  /** Bytes that are not POP3 arrived: `what` says how, `line` is the offending line (or its beginning). */
  onProtocolError(what: string, line: Buffer): void;
}

/**
 * Reads POP3 answers from the socket's byte stream: status lines, then for
 * multi-line answers a body, un-stuffed and streamed to its sink. Answers are
 * matched to commands by order, so commands may be pipelined.
 */
export class ResponseReader {
  private readonly expected: ExpectedAnswer[] = [];
  private partialLine: Buffer[] = [];
  private partialLength = 0;
  private body: { sink: BodySink; decoder: DotDecoder } | undefined;
  private discarding = false;
  private failedWith: Error | undefined;

  constructor(private readonly events: ReaderEvents) {}

  get waiting(): number {
    return this.expected.length;
  }

  expect(answer: ExpectedAnswer): void {
    if (this.failedWith) answer.onFail(this.failedWith);
    else this.expected.push(answer);
  }

  /** Accepts bytes again after a discarding answer (the TLS layer now feeds the reader). */
  restart(): void {
    this.discarding = false;
  }

  feed(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length && !this.discarding && !this.failedWith) {
      pos = this.body ? this.feedBody(chunk, pos) : this.feedStatus(chunk, pos);
    }
  }

  /** Fails every answer still awaited (and the body being streamed); later ones fail at once. */
  fail(error: Error): void {
    if (this.failedWith) return;
    this.failedWith = error;
    const body = this.body;
    this.body = undefined;
    if (body) this.expected.shift();
    body?.sink.fail(error);
    for (const answer of this.expected.splice(0)) answer.onFail(error);
  }

  private feedBody(chunk: Buffer, start: number): number {
    const body = this.body!;
    let wantsMore = true;
    const end = body.decoder.feed(chunk, start, (bytes) => {
      if (!body.sink.push(bytes)) wantsMore = false;
    });
    if (body.decoder.done) {
      this.body = undefined;
      this.expected.shift();
      body.sink.end();
      this.events.onAnswered();
    }
    if (!wantsMore) this.events.onBackpressure();
    return end;
  }

  private feedStatus(chunk: Buffer, start: number): number {
    const lineEnd = chunk.indexOf(LF, start);
    if (lineEnd < 0) {
      this.partialLine.push(chunk.subarray(start));
      this.partialLength += chunk.length - start;
      if (this.partialLength > MAX_STATUS_LINE) this.events.onProtocolError('a status line without end', this.partialLine[0]!);
      return chunk.length;
    }
    const piece = chunk.subarray(start, lineEnd);
    const whole = this.partialLine.length === 0 ? piece : Buffer.concat([...this.partialLine, piece]);
    this.partialLine = [];
    this.partialLength = 0;
    this.onStatusLine(whole.at(-1) === 0x0d ? whole.subarray(0, -1) : whole);
    return lineEnd + 1;
  }

  private onStatusLine(line: Buffer): void {
    const answer = this.expected[0];
    const status = parseStatusLine(line);
    if (!answer) return this.events.onProtocolError('an answer nobody asked for', line);
    if (!status) return this.events.onProtocolError('not a status line where +OK or -ERR belongs', line);
    const sink = answer.onStatus(status);
    if (answer.multiLine && status.kind === 'ok') {
      this.body = { sink: sink ?? discardingSink, decoder: new DotDecoder() };
      return;
    }
    this.expected.shift();
    if (answer.discardAfter && status.kind === 'ok') this.discarding = true;
    this.events.onAnswered();
  }
}

const discardingSink: BodySink = { push: () => true, end: () => undefined, fail: () => undefined };
