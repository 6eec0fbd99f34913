import { createHash } from 'node:crypto';
import type { BlobBatch } from '../store/blob-batch';
import { flushWal } from '../store/flush-wal';
import type { StoredBlob } from '../store/blob-store';
import type { NewOutboxEntry } from '../store/outbox-repo';
import type { Store } from '../store/store';
import type { BuiltMessage } from './build-message';
import { messageBytes } from './message-bytes';

/** An outbox row as queued, before its message is stored. */
export type QueuedRow = Omit<NewOutboxEntry, 'blob' | 'size' | 'messageId' | 'envelope'>;

const WRITES_AT_ONCE = 8;

/**
 * A message that is surely no larger than this is built in memory and kept
 * in the database with its row (outbox_sources, one transaction), not
 * streamed into a blob file: creating a file, renaming it and flushing it
 * and its folder cost more than building a small message. All such messages
 * being built at once hold at most MEMORY_BUDGET between them; past it, or
 * for a larger message, the blob file it is.
 */
const IN_MEMORY_MAX = 1024 * 1024;
const MEMORY_BUDGET = 16 * 1024 * 1024;

type Stored = StoredBlob & { content?: Buffer };

interface Pending {
  batch: BlobBatch;
  entry: NewOutboxEntry;
  resolve(id: number): void;
  reject(error: unknown): void;
}

/**
 * Puts built messages into the outbox durably, with group commit: each
 * message is built in memory (small ones, stored with their rows) or
 * streams into the blob store at once, and the messages queued
 * while a flush is under way are flushed together by the next one (their
 * files, then their folders) and their rows inserted in one transaction.
 * A row is written only once its message is on the disk, and a caller hears
 * back only once its row is committed; a lone message costs what it did, a
 * burst of them a few flushes instead of two per message.
 */
export class OutboxCommitter {
  private pending: Pending[] = [];
  private writing = 0;
  private readonly waiting: (() => void)[] = [];
  private flushing: Promise<void> | null = null;
  private inMemory = 0;

  constructor(private readonly store: Store) {}

  /** Stores the message and its row; resolves with the row's id once both are committed. */
  async add(built: BuiltMessage, row: QueuedRow): Promise<number> {
    const batch = this.store.blobs.batch();
    let stored;
    await this.turnToWrite();
    try {
      stored = await this.write(built, batch);
    } catch (error) {
      batch.discard();
      throw error;
    } finally {
      this.writing -= 1;
      this.waiting.shift()?.();
    }
    const entry: NewOutboxEntry = { ...row, messageId: built.messageId, envelope: built.envelope, blob: stored.blob, size: stored.size, content: stored.content };
    try {
      return await new Promise<number>((resolve, reject) => {
        this.pending.push({ batch, entry, resolve, reject });
        this.schedule();
      });
    } finally {
      if (stored.content) this.inMemory -= built.sizeBound;
    }
  }

  private async write(built: BuiltMessage, batch: BlobBatch): Promise<Stored> {
    const inMemory = built.sizeBound <= IN_MEMORY_MAX && this.inMemory + built.sizeBound <= MEMORY_BUDGET;
    if (!inMemory) return this.store.blobs.writeStream(built.stream(), batch);
    this.inMemory += built.sizeBound;
    try {
      const content = await messageBytes(built.stream());
      // Named by its content as a blob file would be, so the row reads the same either way.
      return { blob: createHash('sha256').update(content).digest('hex'), size: content.length, content };
    } catch (error) {
      this.inMemory -= built.sizeBound;
      throw error;
    }
  }

  /** A thousand messages queued at once stream into the store a few at a time (open files, memory), and commit together. */
  private async turnToWrite(): Promise<void> {
    if (this.writing >= WRITES_AT_ONCE) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.writing += 1;
  }

  private schedule(): void {
    if (this.flushing || this.pending.length === 0) return;
    this.flushing = this.flushAll().finally(() => {
      this.flushing = null;
      this.schedule();
    });
  }

  private async flushAll(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending;
      this.pending = [];
      await this.commit(group);
    }
  }

  private async commit(group: Pending[]): Promise<void> {
    const batch = this.store.blobs.batch();
    for (const pending of group) batch.absorb(pending.batch);
    try {
      await batch.sync();
      const ids = this.store.db.transaction(() => group.map((pending) => this.store.outbox.insert(pending.entry))).immediate();
      // The composer closes on its answer, so the rows and the messages kept with them must survive a power loss.
      // The rows are committed and will be sent: a failed flush is no reason to say they were not (a second Send).
      await flushWal(this.store.db).catch((error: unknown) => console.warn('[wren] outbox: could not flush the queued messages to the disk:', (error as Error).message));
      group.forEach((pending, i) => pending.resolve(ids[i]!));
    } catch (error) {
      batch.discard();
      for (const pending of group) pending.reject(error);
    }
  }
}
