import type { BlobBatch } from '../store/blob-batch';
import type { StoredBlob } from '../store/blob-store';
import type { Store } from '../store/store';

/**
 * A commit records at most this many sources, and a source waits at most
 * this long for its commit to start: an interrupted download loses about
 * that much when the disk keeps up, while the flushes and the transactions
 * stay few per second.
 */
export const COMMIT_MESSAGES = 200;
export const COMMIT_AFTER_MS = 150;
/** Sources held in memory while their files are written; past this, `addSource` asks the download to wait. */
export const WRITING_BYTES = 16 * 1024 * 1024;
/**
 * Files written but not yet recorded, each holding a descriptor until its
 * commit's flush; past this, the same. Where flushes are slower than the
 * download, this (not COMMIT_MESSAGES) is what an interruption may lose: in
 * CI a kill after 300 files found none recorded yet. A bound of 400 made
 * `sync --bodies` of 10,000 messages about 7% slower here (median 11.1 s
 * against 10.4 s), for a loss that is only a download to repeat.
 */
export const UNRECORDED_FILES = 1000;

/**
 * Records downloaded sources while their download is still running, for IMAP
 * bodies (BodyRecorder) and POP3 messages (Pop3Recorder) alike. Each source is
 * written to the blob store as it arrives; every COMMIT_MESSAGES items or
 * COMMIT_AFTER_MS, whichever comes first, the files are flushed to the disk
 * and only then does `record` write their rows, in one transaction. Commits
 * run one after the other, behind the download. Files are written on
 * libuv's threads, so the download goes on reading while the disk works; it
 * waits only when more than WRITING_BYTES of sources are still being written,
 * or more than UNRECORDED_FILES files wait for their commit (slow flushes).
 */
export class BatchedCommits<T> {
  private batch: BlobBatch;
  private pending: Array<T | Promise<T>> = [];
  private writingBytes = 0;
  private unrecordedFiles = 0;
  private lessWriting: { promise: Promise<void>; resolve: () => void } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private commits: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  /** `record` runs inside a store transaction, once the items' files are durable. */
  constructor(private readonly store: Store, private readonly record: (items: T[]) => void, private readonly onRecorded: (items: T[]) => void) {
    this.batch = store.blobs.batch();
  }

  /**
   * Writes a source held in memory to the current batch; the item it makes is
   * recorded with the next commit. Returns a promise when the caller should
   * wait before handing over more (too much is still being written).
   */
  addSource(source: Buffer, item: (stored: StoredBlob) => T): Promise<void> | undefined {
    if (this.failure) throw this.failure.error;
    this.writingBytes += source.length;
    this.unrecordedFiles++;
    const written = this.batch.writeInBackground(source).then(item).finally(() => this.wrote(source.length));
    // A failed write is thrown by the commit that awaits it; until then it must not count as unhandled.
    written.catch(() => undefined);
    this.queue(written);
    if (this.writingBytes <= WRITING_BYTES && this.unrecordedFiles <= UNRECORDED_FILES) return undefined;
    if (!this.lessWriting) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      this.lessWriting = { promise, resolve };
    }
    return this.lessWriting.promise;
  }

  /** An item whose source is already flushed on its own (a large one streamed to disk). */
  addStored(item: T): void {
    if (this.failure) throw this.failure.error;
    this.queue(item);
  }

  /** Commits what is left and waits for every commit; throws the first failure to flush or record. */
  async finish(): Promise<void> {
    this.commit();
    await this.commits;
    if (this.failure) throw this.failure.error;
  }

  private wrote(bytes: number): void {
    this.writingBytes -= bytes;
    this.resumeWhenLess();
  }

  private resumeWhenLess(): void {
    if (this.writingBytes > WRITING_BYTES / 2 || this.unrecordedFiles > UNRECORDED_FILES / 2 || !this.lessWriting) return;
    const { resolve } = this.lessWriting;
    this.lessWriting = undefined;
    resolve();
  }

  private queue(item: T | Promise<T>): void {
    this.pending.push(item);
    if (this.pending.length >= COMMIT_MESSAGES) this.commit();
    else this.timer ??= setTimeout(() => this.commit(), COMMIT_AFTER_MS);
  }

  private commit(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const saved = this.pending;
    const batch = this.batch;
    this.pending = [];
    this.batch = this.store.blobs.batch();
    const files = saved.filter((entry) => entry instanceof Promise).length;
    this.commits = this.commits.then(async () => {
      try {
        await this.flushAndRecord(batch, saved);
      } finally {
        this.unrecordedFiles -= files;
        this.resumeWhenLess();
      }
    });
  }

  private async flushAndRecord(batch: BlobBatch, saved: Array<T | Promise<T>>): Promise<void> {
    // Every write settles first: a batch is flushed or discarded only with no write still under way.
    const written = await Promise.allSettled(saved);
    if (this.failure) return batch.discard();
    try {
      const items = written.map((result) => {
        if (result.status === 'rejected') throw result.reason;
        return result.value;
      });
      await batch.sync();
      this.store.write(() => this.record(items));
      this.onRecorded(items);
    } catch (error) {
      batch.discard();
      this.failure = { error };
    }
  }
}
