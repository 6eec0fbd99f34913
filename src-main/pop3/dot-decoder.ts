const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;
const CR_ONLY = Buffer.from([CR]);
const LF_DOT = Buffer.from([LF, DOT]);

const enum State {
  LineStart,
  MidLine,
  /** A line's first '.' was seen and dropped: it is either stuffing or the terminator's dot. */
  AfterDot,
  /** ".\r" ended the last chunk: the next byte decides whether this is the terminator. */
  AfterDotCr,
}

/**
 * Undoes RFC 1939 dot-stuffing of a multi-line answer and finds its
 * terminating CRLF.CRLF, whatever way the bytes are split into chunks.
 * Emits slices of the chunks it is given (no copies): a chunk is cut only
 * where a stuffed dot is removed. CRLFs are kept as they came.
 */
export class DotDecoder {
  private state = State.LineStart;
  private finished = false;

  get done(): boolean {
    return this.finished;
  }

  /** Consumes `chunk` from `start` on; returns where the answer ended (the next answer's first byte) or chunk.length. */
  feed(chunk: Buffer, start: number, emit: (bytes: Buffer) => void): number {
    let pos = start;
    if (this.state === State.AfterDotCr && pos < chunk.length) {
      if (chunk[pos] === LF) return this.finish(pos + 1);
      emit(CR_ONLY);
      this.state = State.MidLine;
    }
    let segment = pos;
    while (pos < chunk.length) {
      if (this.state === State.MidLine) {
        // Only a line that starts with '.' needs a look: skip straight to the next one.
        const dotLine = chunk.indexOf(LF_DOT, pos);
        if (dotLine >= 0) {
          pos = dotLine + 1;
          this.state = State.LineStart;
        } else {
          pos = chunk.length;
          if (chunk[pos - 1] === LF) this.state = State.LineStart;
        }
      } else if (this.state === State.LineStart) {
        if (chunk[pos] === DOT) {
          if (pos > segment) emit(chunk.subarray(segment, pos));
          pos += 1;
          segment = pos;
          this.state = State.AfterDot;
        } else this.state = State.MidLine;
      } else {
        // AfterDot: nothing is pending before `pos` (segment === pos).
        if (chunk[pos] === CR) {
          if (pos + 1 === chunk.length) {
            this.state = State.AfterDotCr;
            return chunk.length;
          }
          if (chunk[pos + 1] === LF) return this.finish(pos + 2);
        }
        this.state = State.MidLine;
      }
    }
    if (pos > segment) emit(chunk.subarray(segment, pos));
    return pos;
  }

  private finish(end: number): number {
    this.finished = true;
    return end;
  }
}
