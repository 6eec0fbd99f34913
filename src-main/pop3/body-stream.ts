import { Readable } from 'node:stream';
import type { BodySink } from './response-reader';

/** Bytes a body stream holds before the socket is paused: a few socket reads, far below a large message. */
const HIGH_WATER_MARK = 512 * 1024;

/**
 * A multi-line answer as a Readable of Buffers. When the reader outruns the
 * consumer the socket is paused (`resume` is called once more is wanted), so a
 * 50 MB message never sits in memory whole. A consumer that gives up early
 * (destroy) is fine: the rest of the answer is read and dropped.
 */
export function bodyStream(resume: () => void): { stream: Readable; sink: BodySink } {
  const stream = new Readable({ read: resume, highWaterMark: HIGH_WATER_MARK });
  // A consumer that stops reading and destroys the stream must not leave the socket paused.
  stream.once('close', resume);
  const sink: BodySink = {
    push: (bytes) => (stream.destroyed ? true : stream.push(bytes)),
    end: () => {
      if (!stream.destroyed) stream.push(null);
    },
    fail: (error) => {
      if (!stream.destroyed) stream.destroy(error);
    },
  };
  return { stream, sink };
}

/** The whole answer as one Buffer; the pieces are joined once, at the end. */
export function bufferSink(resolve: (body: Buffer) => void, reject: (error: Error) => void): BodySink {
  const parts: Buffer[] = [];
  let length = 0;
  return {
    push: (bytes) => {
      parts.push(bytes);
      length += bytes.length;
      return true;
    },
    end: () => resolve(Buffer.concat(parts, length)),
    fail: reject,
  };
}
