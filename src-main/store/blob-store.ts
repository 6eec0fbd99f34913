import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, type WriteStream, existsSync, fsync, mkdir, mkdirSync, openSync, readdirSync, rename, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import { BlobBatch, syncFolders } from './blob-batch';

const fsyncAsync = promisify(fsync);
const mkdirAsync = promisify(mkdir);
const renameAsync = promisify(rename);

/** How a temporary file's name begins, in the store's folder or beside the blobs in a prefix folder. */
const TEMP_START = '.incoming-';

/** Enough of a stored message for its header block; a larger block is broken or hostile. */
export const MESSAGE_HEAD_BYTES = 256 * 1024;

export interface StoredBlob {
  /** Content address (sha256 hex); what the database keeps. */
  blob: string;
  size: number;
}

/**
 * Large content (attachments, raw sources) lives in files named by their
 * SHA-256, written through a stream to a temporary name and renamed, so a
 * crash mid-download leaves no half file behind and memory stays flat for a
 * 50 MB attachment. Every write is flushed to the disk before it is handed
 * back (or, for a BlobBatch, before its `sync()` resolves), so the database
 * never records a blob that a power loss could take away.
 */
export class BlobStore {
  /** Prefix folders known to exist, so storing a blob costs no mkdir call once its folder is there. */
  private readonly folders = new Set<string>();
  private readonly tempPrefix = randomBytes(8).toString('hex');
  private tempCount = 0;

  constructor(private readonly dir: string) {}

  pathOf(blob: string): string {
    if (!/^[0-9a-f]{64}$/.test(blob)) throw new Error(`Invalid blob name ${blob}`);
    return join(this.dir, blob.slice(0, 2), blob);
  }

  has(blob: string): boolean {
    return existsSync(this.pathOf(blob));
  }

  /**
   * Whether the blob's file is there with the size the database recorded.
   * Anything else is damage (a disk fault, a file truncated or removed by
   * hand), to be fetched again rather than shown.
   */
  intact(stored: StoredBlob): boolean {
    return statSync(this.pathOf(stored.blob), { throwIfNoEntry: false })?.size === stored.size;
  }

  /** Many small writes made durable together (see BlobBatch). */
  batch(): BlobBatch {
    return new BlobBatch(this);
  }

  /** One durable write of content already in memory. */
  async writeBuffer(content: Buffer): Promise<StoredBlob> {
    const batch = this.batch();
    try {
      const stored = batch.write(content);
      await batch.sync();
      return stored;
    } finally {
      batch.discard();
    }
  }

  /**
   * Streams content into the store. With a `batch`, the file is renamed into
   * place at once but flushed only by the batch's `sync()`, so several
   * streamed blobs can share their flushes (the outbox's group commit).
   */
  async writeStream(source: Readable | AsyncIterable<Buffer>, batch?: BlobBatch): Promise<StoredBlob> {
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
    const file = openSync(temp, 'wx+', 0o600); // readable too: a batch may have to put it back (BlobBatch.putBackGone)
    const out = createWriteStream(temp, { fd: file, autoClose: false });
    try {
      await pipeline(source, counter, out);
      // On the disk before it is renamed into place, so the name never points at a file a power loss could empty.
      if (!batch) await fsyncAsync(file);
    } catch (error) {
      await closedBy(out);
      rmSync(temp, { force: true });
      throw error;
    }
    const blob = hash.digest('hex');
    if (!batch) closeSync(file);
    let changed: string[];
    try {
      changed = this.moveIntoPlace(temp, blob);
    } catch (error) {
      // A refused rename (a full or read-only disk): no batch took the descriptor, so it is closed here.
      if (batch) closeSync(file);
      rmSync(temp, { force: true });
      throw error;
    }
    // The batch flushes the file before its folders, which keeps that order for a power loss.
    if (batch) batch.adopt(file, changed, blob);
    else await syncFolders(changed);
    return { blob, size };
  }

  /** A fresh temporary name inside the store, on the same file system, so the rename into place is atomic. */
  tempPath(): string {
    return join(this.dir, this.tempName());
  }

  private tempName(): string {
    // A random prefix once per store (processes and threads sharing the folder each have their own) and a count:
    // ten thousand downloads would otherwise ask the system's random source ten thousand times.
    this.tempCount += 1;
    return `${TEMP_START}${this.tempPrefix}-${this.tempCount}`;
  }

  /**
   * A temporary name in the blob's own prefix folder (made when missing), for content whose address is
   * known before it is written: a download's files were all created in the store's folder and renamed
   * out of it, and on ext4 libuv's threads then queued on that one folder's lock (in a bench of 5,000
   * files written four at a time, 2.6 to 3.4 s of system CPU, against 1.4 to 1.8 s spread over the
   * prefix folders). `changed`: the store's folder, when the prefix folder was made now.
   */
  tempBeside(blob: string): { temp: string; changed: string[] } {
    const { folder, changed } = this.prefixFolder(blob);
    return { temp: join(folder, this.tempName()), changed };
  }

  /** `tempBeside` with its mkdir on libuv's threads (see BlobBatch.writeInBackground). */
  async tempBesideInBackground(blob: string): Promise<{ temp: string; changed: string[] }> {
    const { folder, changed } = await this.prefixFolderInBackground(blob);
    return { temp: join(folder, this.tempName()), changed };
  }

  /**
   * Renames a complete temp file to its content address, so readers never see
   * a half-written blob. Returns the folders whose listing changed, which must
   * be flushed before the blob is recorded.
   */
  moveIntoPlace(temp: string, blob: string): string[] {
    const { folder, changed } = this.prefixFolder(blob);
    renameSync(temp, join(folder, blob));
    return [folder, ...changed];
  }

  /** `moveIntoPlace` with its file system calls on libuv's threads (see BlobBatch.writeInBackground). */
  async moveIntoPlaceInBackground(temp: string, blob: string): Promise<string[]> {
    const { folder, changed } = await this.prefixFolderInBackground(blob);
    await renameAsync(temp, join(folder, blob));
    return [folder, ...changed];
  }

  /** The blob's prefix folder, made when missing; `changed`: the store's folder, when it was made now. */
  private prefixFolder(blob: string): { folder: string; changed: string[] } {
    const prefix = blob.slice(0, 2);
    const folder = join(this.dir, prefix);
    let changed: string[] = [];
    if (!this.folders.has(prefix)) {
      if (!existsSync(folder) && madeFolder(() => mkdirSync(folder), () => mkdirSync(folder, { recursive: true }))) changed = [this.dir];
      this.folders.add(prefix);
    }
    return { folder, changed };
  }

  /** `prefixFolder` with its mkdir on libuv's threads. */
  private async prefixFolderInBackground(blob: string): Promise<{ folder: string; changed: string[] }> {
    const prefix = blob.slice(0, 2);
    const folder = join(this.dir, prefix);
    let changed: string[] = [];
    if (!this.folders.has(prefix)) {
      if (await madeFolderInBackground(() => mkdirAsync(folder), () => mkdirAsync(folder, { recursive: true }))) changed = [this.dir];
      this.folders.add(prefix);
    }
    return { folder, changed };
  }

  /**
   * Every file in the store: blobs by name, and temp files a crash left behind (no blob). Names only: after
   * each sync the orphan collector asks for them all, and a stat of every file (10,000 after a
   * `sync --bodies`) took longer than reading the folders; it stats only the files no row names.
   */
  *files(): Generator<{ path: string; blob: string | null }> {
    for (const entry of readdirSync(this.dir, { withFileTypes: true })) {
      const path = join(this.dir, entry.name);
      if (entry.isFile() && entry.name.startsWith(TEMP_START)) yield { path, blob: null };
      if (!entry.isDirectory() || !/^[0-9a-f]{2}$/.test(entry.name)) continue;
      // A temp file beside the blobs (see tempBeside) is named by no row.
      for (const name of readdirSync(path)) yield { path: join(path, name), blob: name.startsWith(TEMP_START) ? null : name };
    }
  }

  read(blob: string): Readable {
    return createReadStream(this.pathOf(blob));
  }

  /** The blob's first `bytes` (all of a shorter one), read off the calling thread, in libuv's pool. */
  async head(blob: string, bytes = MESSAGE_HEAD_BYTES): Promise<Buffer> {
    const file = await open(this.pathOf(blob), 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await file.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }
}

/**
 * After a failed pipeline: the stream, destroyed, closes the descriptor itself (autoClose or not), but
 * later, from the thread pool. Closing it here as well would close whatever file reused the number
 * meanwhile (another blob being written), so the stream is left to close it and waited for.
 */
function closedBy(out: WriteStream): Promise<void> {
  if (out.closed) return Promise.resolve();
  return new Promise((resolve) => {
    out.once('close', () => resolve());
    out.destroy();
  });
}

/**
 * Makes a prefix folder inside the store's own; whether it was made now (false: it was there). Not a recursive
 * mkdir, which on a read-only file system says ENOENT rather than EROFS, a fault Wren would then not recognise
 * as the data folder's (the store's own folder is made when the store opens; made again only if removed since).
 */
function madeFolder(make: () => void, makeWithParents: () => void): boolean {
  try {
    make();
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'ENOENT') throw error;
  }
  makeWithParents();
  return true;
}

/** `madeFolder` with its calls on libuv's threads. */
async function madeFolderInBackground(make: () => Promise<unknown>, makeWithParents: () => Promise<unknown>): Promise<boolean> {
  try {
    await make();
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'ENOENT') throw error;
  }
  await makeWithParents();
  return true;
}
