import type { StoredBlob } from '../../store/blob-store';
import type { HeaderRecord } from '../../store/messages-repo';
import type { Store } from '../../store/store';
import { BatchedCommits } from '../batched-commits';

/** One downloaded message, its source already in the blob store. */
export interface Pop3Download {
  uidl: string;
  headers: HeaderRecord;
  stored: StoredBlob;
  partial: boolean;
}

/**
 * Records POP3 downloads as they arrive, in the small durable commits of
 * BatchedCommits (as BodyRecorder does for IMAP sources): each message's row,
 * source and UIDL commit in one transaction once its file is on the disk. A
 * UIDL is therefore held only once its message is safely stored, and that is
 * what lets a DELE be sent for it.
 */
export class Pop3Recorder {
  private readonly commits: BatchedCommits<Pop3Download>;

  constructor(
    private readonly store: Store,
    private readonly target: { accountId: number; folderId: number; now: () => number },
    onRecorded: (count: number, bytes: number) => void,
  ) {
    this.commits = new BatchedCommits<Pop3Download>(store, (saved) => this.record(saved),
      (saved) => onRecorded(saved.length, saved.reduce((sum, item) => sum + item.stored.size, 0)));
  }

  /** Writes a source held in memory to the batch; its rows follow with the next commit. A promise returned means: wait before adding more. */
  addSource(item: Omit<Pop3Download, 'stored'>, source: Buffer): Promise<void> | undefined {
    return this.commits.addSource(source, (stored) => ({ ...item, stored }));
  }

  /** A source already flushed on its own (a large one streamed to disk). */
  addStored(item: Pop3Download): void {
    this.commits.addStored(item);
  }

  /** Commits what is left and waits for every commit; throws the first failure to flush or record. */
  finish(): Promise<void> {
    return this.commits.finish();
  }

  private record(saved: Pop3Download[]): void {
    const { accountId, folderId, now } = this.target;
    const at = now();
    for (const item of saved) {
      const [id] = this.store.messages.insertHeaders(folderId, [item.headers]);
      this.store.bodies.saveSource(id!, item.stored);
      this.store.messages.setBodyState(id!, 'full');
      this.store.pop3Uidls.record(accountId, item.uidl, id!, item.partial, at, { messageId: item.headers.messageId, size: item.headers.size });
    }
  }
}
