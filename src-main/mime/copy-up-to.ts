import { Transform, type TransformCallback } from 'node:stream';

/**
 * A pass-through that also keeps a copy of what flows, up to `cap` bytes;
 * past that it lets go of the copy (copy() is then null). Used to keep small
 * cid: images while their stream still goes to the caller.
 */
export class CopyUpTo extends Transform {
  private chunks: Buffer[] | null = [];
  private size = 0;

  constructor(private readonly cap: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.chunks && this.size <= this.cap) this.chunks.push(chunk);
    else this.chunks = null;
    done(null, chunk);
  }

  copy(): Buffer | null {
    return this.chunks ? Buffer.concat(this.chunks) : null;
  }
}
