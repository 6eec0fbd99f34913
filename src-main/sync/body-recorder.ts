import type { BlobBatch } from '../store/blob-batch';
import type { StoredBlob } from '../store/blob-store';
import type { Store } from '../store/store';

/**
 * A commit records at most this many sources, and a source waits at most
 * this long for its commit: an interrupted download loses no more than that,
 * while the disk flushes and the transaction stay few per second.
 */
export const COMMIT_MESSAGES = 200;
export const COMMIT_AFTER_MS = 150;

type Saved = { id: number; stored: StoredBlob };

/**
 * Records message sources while their FETCH is still running. Each source is
 * written to the blob store as it arrives; every COMMIT_MESSAGES sources or
 * COMMIT_AFTER_MS, whichever comes first, the files are flushed to the disk
 * and then their rows commit in one transaction. Commits run one after the
 * other, behind the download, which never waits for them.
 */
export class BodyRecorder {
  private batch: BlobBatch;
  private pending: Saved[] = [];
  private timer: NodeJS.Timeout | undefined;
  private commits: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(private readonly store: Store, private readonly onRecorded: (count: number) => void) {
    this.batch = store.blobs.batch();
  }

  /** Stores one source now; its row follows with the next commit. */
  add(id: number, source: Buffer): void {
    if (this.failure) throw this.failure.error;
    this.pending.push({ id, stored: this.batch.write(source) });
    if (this.pending.length >= COMMIT_MESSAGES) this.commit();
    else this.timer ??= setTimeout(() => this.commit(), COMMIT_AFTER_MS);
  }

  /** Commits what is left and waits for every commit; throws the first failure to flush or record. */
  async finish(): Promise<void> {
    this.commit();
    await this.commits;
    if (this.failure) throw this.failure.error;
  }

  private commit(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const saved = this.pending;
    const batch = this.batch;
    this.pending = [];
    this.batch = this.store.blobs.batch();
    this.commits = this.commits.then(async () => {
      if (this.failure) return batch.discard();
      try {
        await batch.sync();
        recordSources(this.store, saved);
        this.onRecorded(saved.length);
      } catch (error) {
        batch.discard();
        this.failure = { error };
      }
    });
  }
}

/** The rows for sources already durable on disk. */
export function recordSources(store: Store, saved: Saved[]): void {
  if (saved.length === 0) return;
  store.write(() => {
    for (const { id, stored } of saved) {
      store.bodies.saveSource(id, stored);
      store.messages.setBodyState(id, 'full');
    }
  });
}
