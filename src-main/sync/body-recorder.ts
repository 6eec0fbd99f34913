import type { StoredBlob } from '../store/blob-store';
import type { Store } from '../store/store';
import { BatchedCommits } from './batched-commits';

type Saved = { id: number; stored: StoredBlob };

/**
 * Records IMAP message sources while their FETCH is still running, in the
 * small durable commits of BatchedCommits: a source's row is written only once
 * its file is on the disk.
 */
export class BodyRecorder {
  private readonly commits: BatchedCommits<Saved>;

  constructor(store: Store, onRecorded: (count: number) => void) {
    this.commits = new BatchedCommits<Saved>(store, (saved) => saveSources(store, saved), (saved) => onRecorded(saved.length));
  }

  /** Stores one source now; its row follows with the next commit. A promise returned means: wait before adding more. */
  add(id: number, source: Buffer): Promise<void> | undefined {
    return this.commits.addSource(source, (stored) => ({ id, stored }));
  }

  /** Commits what is left and waits for every commit; throws the first failure to flush or record. */
  finish(): Promise<void> {
    return this.commits.finish();
  }
}

/** The rows for sources already durable on disk. */
export function recordSources(store: Store, saved: Saved[]): void {
  if (saved.length === 0) return;
  store.write(() => saveSources(store, saved));
}

function saveSources(store: Store, saved: Saved[]): void {
  for (const { id, stored } of saved) {
    // Deleted meanwhile (for good, Trash emptied, its folder removed): its source would break the whole
    // commit on the foreign key; the file is left to the orphan sweep.
    if (!store.messages.exists(id)) continue;
    store.bodies.saveSource(id, stored);
    store.messages.setBodyState(id, 'full');
  }
}
