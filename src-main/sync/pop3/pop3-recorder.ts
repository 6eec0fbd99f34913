import type { BlobBatch } from '../../store/blob-batch';
import type { StoredBlob } from '../../store/blob-store';
import type { HeaderRecord } from '../../store/messages-repo';
import type { Store } from '../../store/store';
import { COMMIT_AFTER_MS, COMMIT_MESSAGES } from '../body-recorder';

/** One downloaded message, its source already in the blob store. */
export interface Pop3Download {
  uidl: string;
  headers: HeaderRecord;
  stored: StoredBlob;
  partial: boolean;
}

/**
 * Records POP3 downloads as they arrive, like BodyRecorder does for IMAP
 * sources: every COMMIT_MESSAGES messages or COMMIT_AFTER_MS the batch's
 * files are flushed to the disk, then each message's row, source and UIDL
 * commit in one transaction. A UIDL is therefore held only once its message
 * is safely stored, and that is what lets a DELE be sent for it.
 */
export class Pop3Recorder {
  private batch: BlobBatch;
  private pending: Pop3Download[] = [];
  private timer: NodeJS.Timeout | undefined;
  private commits: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly store: Store,
    private readonly target: { accountId: number; folderId: number; now: () => number },
    private readonly onRecorded: (count: number, bytes: number) => void,
  ) {
    this.batch = store.blobs.batch();
  }

  /** Writes a source held in memory to the batch; its rows follow with the next commit. */
  addSource(item: Omit<Pop3Download, 'stored'>, source: Buffer): void {
    if (this.failure) throw this.failure.error;
    this.queue({ ...item, stored: this.batch.write(source) });
  }

  /** A source already flushed on its own (a large one streamed to disk). */
  addStored(item: Pop3Download): void {
    if (this.failure) throw this.failure.error;
    this.queue(item);
  }

  /** Commits what is left and waits for every commit; throws the first failure to flush or record. */
  async finish(): Promise<void> {
    this.commit();
    await this.commits;
    if (this.failure) throw this.failure.error;
  }

  private queue(item: Pop3Download): void {
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
    this.commits = this.commits.then(async () => {
      if (this.failure) return batch.discard();
      try {
        await batch.sync();
        this.record(saved);
        this.onRecorded(saved.length, saved.reduce((sum, item) => sum + item.stored.size, 0));
      } catch (error) {
        batch.discard();
        this.failure = { error };
      }
    });
  }

  private record(saved: Pop3Download[]): void {
    const { accountId, folderId, now } = this.target;
    const at = now();
    this.store.write(() => {
      for (const item of saved) {
        const [id] = this.store.messages.insertHeaders(folderId, [item.headers]);
        this.store.bodies.saveSource(id!, item.stored);
        this.store.messages.setBodyState(id!, 'full');
        this.store.pop3Uidls.record(accountId, item.uidl, id!, item.partial, at, { messageId: item.headers.messageId, size: item.headers.size });
      }
    });
  }
}
