import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  /** Prefix folders known to exist, so storing a blob costs no mkdir call once its folder is there. */
  private readonly folders = new Set<string>();

  constructor(private readonly dir: string) {}

  pathOf(blob: string): string {
    if (!/^[0-9a-f]{64}$/.test(blob)) throw new Error(`Invalid blob name ${blob}`);
    return join(this.dir, blob.slice(0, 2), blob);
  }

  has(blob: string): boolean {
    return existsSync(this.pathOf(blob));
  }

  async writeStream(source: Readable | AsyncIterable<Buffer>): Promise<StoredBlob> {
    const temp = this.tempPath();
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
    this.moveIntoPlace(temp, blob);
    return { blob, size };
  }

  /**
   * For content already in memory (a message source from a batched FETCH).
   * Synchronous on purpose: a small file blocks for about a tenth of a
   * millisecond, while a write stream waits on the thread pool for each of
   * open, write and close, and `sync --bodies` writes thousands of them.
   */
  writeBuffer(content: Buffer): StoredBlob {
    const blob = createHash('sha256').update(content).digest('hex');
    const temp = this.tempPath();
    try {
      writeFileSync(temp, content, { mode: 0o600 });
      this.moveIntoPlace(temp, blob);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    return { blob, size: content.length };
  }

  private tempPath(): string {
    return join(this.dir, `.incoming-${randomBytes(8).toString('hex')}`);
  }

  /** Renames a complete temp file to its content address, so readers never see a half-written blob. */
  private moveIntoPlace(temp: string, blob: string): void {
    const folder = blob.slice(0, 2);
    if (!this.folders.has(folder)) {
      mkdirSync(join(this.dir, folder), { recursive: true });
      this.folders.add(folder);
    }
    renameSync(temp, this.pathOf(blob));
  }

  /** Every file in the store with its age: blobs by name, and temp files a crash left behind. */
  *files(): Generator<{ path: string; blob: string | null; modifiedMs: number }> {
    for (const entry of readdirSync(this.dir, { withFileTypes: true })) {
      const path = join(this.dir, entry.name);
      if (entry.isFile() && entry.name.startsWith('.incoming-')) yield { path, blob: null, modifiedMs: statSync(path).mtimeMs };
      if (!entry.isDirectory() || !/^[0-9a-f]{2}$/.test(entry.name)) continue;
      for (const name of readdirSync(path)) yield { path: join(path, name), blob: name, modifiedMs: statSync(join(path, name)).mtimeMs };
    }
  }

  read(blob: string): Readable {
    return createReadStream(this.pathOf(blob));
  }
}
