import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { BlobBatch } from '../store/blob-batch';
import type { BlobStore, StoredBlob } from '../store/blob-store';

/** Messages up to this size are kept in memory until their batch is flushed; larger ones stream to their own file. */
const SMALL_MESSAGE = 1024 * 1024;
/** The header block is read from at most this much of the start of a message. */
const HEAD_BYTES = 256 * 1024;

/**
 * Takes one message's bytes as they are read and puts them in the blob store:
 * a small message in one piece through the batch (flushed with many others),
 * a large one streamed to its own file, so memory stays flat for any size.
 * Keeps the start of the message for its header fields.
 */
export class MessageSink {
  private chunks: Buffer[] = [];
  private size = 0;
  private head: Buffer[] = [];
  private headSize = 0;
  private stream: PassThrough | null = null;
  private written: Promise<StoredBlob> | null = null;

  /** The import's batch, which flushes the streamed file too and puts it back if a delete took it (BlobBatch.putBackGone). */
  constructor(private readonly blobs: BlobStore, private readonly batch: BlobBatch) {}

  async write(bytes: Buffer): Promise<void> {
    if (this.headSize < HEAD_BYTES) {
      this.head.push(Buffer.from(bytes.subarray(0, HEAD_BYTES - this.headSize)));
      this.headSize += Math.min(bytes.length, HEAD_BYTES - this.headSize);
    }
    this.size += bytes.length;
    if (!this.stream) {
      this.chunks.push(Buffer.from(bytes));
      if (this.size > SMALL_MESSAGE) this.startStreaming();
      return;
    }
    if (!this.stream.write(Buffer.from(bytes))) await Promise.race([once(this.stream, 'drain'), this.written]);
  }

  /** The message's start, for its header fields. */
  headBytes(): Buffer {
    return Buffer.concat(this.head);
  }

  /** Stores what was written; durable only once the batch is synced. */
  async finish(): Promise<StoredBlob> {
    if (!this.stream) return this.batch.write(Buffer.concat(this.chunks));
    this.stream.end();
    return this.written!;
  }

  private startStreaming(): void {
    this.stream = new PassThrough();
    this.written = this.blobs.writeStream(this.stream, this.batch);
    this.written.catch(() => undefined); // awaited in finish
    for (const chunk of this.chunks) this.stream.write(chunk);
    this.chunks = [];
  }
}
