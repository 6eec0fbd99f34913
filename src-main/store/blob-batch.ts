import { createHash } from 'node:crypto';
import { close, closeSync, createReadStream, createWriteStream, existsSync, fsync, futimes, futimesSync, open, openSync, rmSync, stat, statSync, writeFile, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type { BlobStore, StoredBlob } from './blob-store';

// Callback forms, not fs/promises: a FileHandle closes its descriptor when collected, and a batch keeps bare descriptors until `sync()`.
const fsyncAsync = promisify(fsync);
const openAsync = promisify(open);
const closeAsync = promisify(close);
const statAsync = promisify(stat);
const futimesAsync = promisify(futimes);
const writeFileAsync = promisify(writeFile);

/**
 * Blobs written now and made durable together: each file is written and
 * renamed into place at once, but flushed to the disk only by `sync()`,
 * every file first and then each folder whose listing changed. A database
 * row may point at a blob only once `sync()` has resolved, so a power loss
 * never leaves a row naming an empty or missing file; and a batch of
 * thousands of small messages costs a few flushes, not two per message.
 */
export class BlobBatch {
  /**
   * The files written and not yet flushed, each open descriptor with its blob's name: a delete elsewhere
   * may remove one before this batch's rows name it (see putBackGone).
   */
  private named = new Map<number, string>();
  private readonly folders = new Set<string>();

  constructor(private readonly blobs: BlobStore) {}

  /** Stores content already in memory (a message source from a batched FETCH); synchronous, like the small write it is. */
  write(content: Buffer): StoredBlob {
    const stored = { blob: createHash('sha256').update(content).digest('hex'), size: content.length };
    const path = this.blobs.pathOf(stored.blob);
    if (statSync(path, { throwIfNoEntry: false })?.size === content.length) {
      this.keepExisting(path);
      return stored;
    }
    const { temp, changed } = this.blobs.tempBeside(stored.blob);
    for (const folder of changed) this.folders.add(folder);
    const file = openSync(temp, 'wx+', 0o600); // readable too, to be put back (see putBackGone)
    try {
      writeFileSync(file, content);
      for (const folder of this.blobs.moveIntoPlace(temp, stored.blob)) this.folders.add(folder);
    } catch (error) {
      closeSync(file);
      rmSync(temp, { force: true });
      throw error;
    }
    this.named.set(file, stored.blob);
    return stored;
  }

  /**
   * The same as `write`, with the file system calls on libuv's threads: on
   * ext4 a file's creation waits while another batch's flushes commit the
   * journal (about 1 ms a file while a download's earlier batches are being
   * flushed), and the download that calls this keeps reading meanwhile. Every
   * such write must have settled before `sync()` or `discard()`.
   */
  async writeInBackground(content: Buffer): Promise<StoredBlob> {
    const stored = { blob: createHash('sha256').update(content).digest('hex'), size: content.length };
    const path = this.blobs.pathOf(stored.blob);
    if ((await statAsync(path).catch(() => undefined))?.size === content.length) {
      await this.keepExistingInBackground(path);
      return stored;
    }
    const { temp, changed } = await this.blobs.tempBesideInBackground(stored.blob);
    for (const folder of changed) this.folders.add(folder);
    const file = await openAsync(temp, 'wx+', 0o600);
    try {
      await writeFileAsync(file, content);
      for (const folder of await this.blobs.moveIntoPlaceInBackground(temp, stored.blob)) this.folders.add(folder);
    } catch (error) {
      await closeAsync(file);
      rmSync(temp, { force: true });
      throw error;
    }
    this.named.set(file, stored.blob);
    return stored;
  }

  /** A file written elsewhere (a streamed blob) and its changed folders, to be flushed with this batch. */
  adopt(file: number, folders: Iterable<string>, blob: string): void {
    this.named.set(file, blob);
    for (const folder of folders) this.folders.add(folder);
  }

  /** Takes over another batch's unflushed files, so one `sync()` flushes both. */
  absorb(other: BlobBatch): void {
    for (const folder of other.folders) this.folders.add(folder);
    for (const [file, blob] of other.named) this.named.set(file, blob);
    other.folders.clear();
    other.named.clear();
  }

  /** Flushes every file written so far, then their folders; the batch can take more writes afterwards. */
  async sync(): Promise<void> {
    const named = this.named;
    const files = [...named.keys()];
    const folders = [...this.folders];
    this.folders.clear();
    this.named = new Map();
    try {
      await Promise.all(files.map((file) => fsyncAsync(file)));
      await syncFolders(folders);
      await this.putBackGone(named);
    } finally {
      for (const file of files) closeSync(file);
    }
  }

  /** Gives up the batch (the download failed before anything was recorded): closes its files. */
  discard(): void {
    for (const file of this.named.keys()) closeSync(file);
    this.folders.clear();
    this.named.clear();
  }

  /**
   * A file of this batch is named by no row yet, so a delete of other rows
   * with the same content (releaseBlobs, an account removed) may have removed
   * it meanwhile, found already stored or written over: it is written back
   * from the descriptor still open on it, before the caller records a row
   * naming it.
   */
  private async putBackGone(named: Map<number, string>): Promise<void> {
    for (;;) {
      const gone = [...named].filter(([, blob]) => !existsSync(this.blobs.pathOf(blob)));
      if (!gone.length) return;
      for (const [file, blob] of gone) {
        const temp = this.blobs.tempPath();
        const out = openSync(temp, 'wx', 0o600);
        try {
          await pipeline(createReadStream('', { fd: file, start: 0, autoClose: false }), createWriteStream('', { fd: out, autoClose: false }));
          await fsyncAsync(out);
        } finally {
          closeSync(out);
        }
        await syncFolders(this.blobs.moveIntoPlace(temp, blob));
      }
    }
  }

  /**
   * The same content is already stored (a duplicate message, or a file another
   * batch wrote and has not flushed yet): flushed with this batch too, and its
   * age renewed so the orphan collector spares it until it is recorded.
   */
  private async keepExistingInBackground(path: string): Promise<void> {
    const file = await openAsync(path, 'r');
    try {
      const now = new Date();
      await futimesAsync(file, now, now);
    } catch (error) {
      await closeAsync(file);
      throw error;
    }
    this.named.set(file, basename(path));
    this.folders.add(dirname(path));
  }

  private keepExisting(path: string): void {
    const file = openSync(path, 'r');
    try {
      const now = new Date();
      futimesSync(file, now, now);
    } catch (error) {
      closeSync(file);
      throw error;
    }
    this.named.set(file, basename(path));
    this.folders.add(dirname(path));
  }
}

/**
 * Makes renames in these folders durable. Windows cannot open a folder for
 * flushing; NTFS journals its metadata, so there is nothing to do there.
 */
export async function syncFolders(folders: Iterable<string>): Promise<void> {
  if (process.platform === 'win32') return;
  await Promise.all(
    [...folders].map(async (folder) => {
      const handle = openSync(folder, 'r');
      try {
        await fsyncAsync(handle);
      } finally {
        closeSync(handle);
      }
    }),
  );
}
