import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

export interface StoredBlob {
  /** Content address (sha256 hex); what the database keeps. */
  blob: string;
  size: number;
}

/**
 * Large content (attachments, raw sources) lives in files named by their
 * SHA-256, written through a stream to a temporary name and renamed, so a
 * crash mid-download leaves no half file behind and memory stays flat for a
 * 50 MB attachment.
 */
export class BlobStore {
  constructor(private readonly dir: string) {}

  pathOf(blob: string): string {
    if (!/^[0-9a-f]{64}$/.test(blob)) throw new Error(`Invalid blob name ${blob}`);
    return join(this.dir, blob.slice(0, 2), blob);
  }

  has(blob: string): boolean {
    return existsSync(this.pathOf(blob));
  }

  async writeStream(source: Readable | AsyncIterable<Buffer>): Promise<StoredBlob> {
    const temp = join(this.dir, `.incoming-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, counter, createWriteStream(temp, { mode: 0o600 }));
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    const blob = hash.digest('hex');
    const target = this.pathOf(blob);
    mkdirSync(join(this.dir, blob.slice(0, 2)), { recursive: true });
    renameSync(temp, target);
    return { blob, size };
  }

  async writeBuffer(content: Buffer): Promise<StoredBlob> {
    return this.writeStream((async function* () { yield content; })());
  }

  read(blob: string): Readable {
    return createReadStream(this.pathOf(blob));
  }

  size(blob: string): number {
    return statSync(this.pathOf(blob)).size;
  }
}
