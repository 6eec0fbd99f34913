import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { IndexOrder, PendingEntry, SearchDocument } from '../store/search-repo';
import type { Store } from '../store/store';
import { searchDocument, type BodyText } from './search-document';

/** Parses a cached source file into its body (a worker in the main process, in place in the sync worker). */
export type ParseSourceFile = (path: string) => Promise<BodyText>;

/** Makes a message's index entry from its body: html-to-text is the slow part (a worker in the main process, in place in the sync worker). */
export type PrepareDocument = (entry: PendingEntry, body: BodyText | null) => SearchDocument | Promise<SearchDocument>;

/** Messages read, prepared and written per transaction: small enough that one batch never holds the thread for long. */
const BATCH_SIZE = 50;

/** Batches in a row whose every message changed again while read before a run gives up (a sync rewriting them now). */
const MAX_SUPERSEDED_BATCHES = 3;

/**
 * Brings the full-text index up to date with `search_pending` (see
 * migration 0013), batch by batch, letting other work run between batches.
 * A message's body comes from its cached body, else from its cached
 * source, parsed; a message with neither is indexed by its headers and
 * indexed again when its body arrives (the triggers queue it).
 */
export class SearchIndexer {
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly parse: ParseSourceFile,
    private readonly order: IndexOrder = 'newest-first',
    private readonly prepare: PrepareDocument = searchDocument,
  ) {}

  /** Indexes everything waiting; concurrent calls share one run. Resolves with the number of messages indexed. */
  drain(): Promise<number> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Indexes for at most `budgetMs`, then resolves (the run goes on behind):
   * a search must answer even when a large sync left thousands of bodies to
   * index. A failed run is reported, never thrown: the index as it stands
   * still answers.
   */
  async drainWithin(budgetMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)));
    const run = this.drain().then(
      () => undefined,
      (error: unknown) => console.warn('[wren] search index: indexing failed:', (error as Error).message),
    );
    await Promise.race([run, budget]);
    clearTimeout(timer);
  }

  /**
   * Ends a run between two messages and waits for it: the store is about to
   * close, and no source file may stay open (a data folder on a removable or
   * full disk must unmount). What is left stays queued for the next start.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<number> {
    let indexed = 0;
    let superseded = 0;
    for (;;) {
      if (this.stopped || !this.store.db.open) return indexed;
      const batch = this.store.search.pendingBatch(BATCH_SIZE, this.order);
      if (batch.length === 0) return indexed;
      const documents: SearchDocument[] = [];
      for (const entry of batch) {
        if (this.stopped) return indexed;
        documents.push(await this.documentOf(entry, await this.bodyOf(entry)));
        // Where a cached HTML body is turned into text in this thread (the sync worker: a big one takes a few
        // hundred ms), the event loop runs between two messages, so everything else gets its turn.
        await yieldToEvents();
      }
      if (!this.store.db.open) return indexed;
      const cleared = this.store.write(() => this.store.search.record(documents));
      indexed += documents.length;
      // Every message of the batch changed again while it was read (a sync writing them now): the next run gets them.
      superseded = cleared === 0 ? superseded + 1 : 0;
      if (superseded === MAX_SUPERSEDED_BATCHES) return indexed;
      await yieldToEvents();
    }
  }

  /**
   * A body the preparation fails on (the parse worker stopped on it: too long, out of memory) is indexed by
   * its headers and plain text: failing the run would leave it first in the queue, and every run after it
   * failing on it too, so nothing newer would ever be found.
   */
  private async documentOf(entry: PendingEntry, body: BodyText | null): Promise<SearchDocument> {
    try {
      return await this.prepare(entry, body);
    } catch (error) {
      // Stopping (the app closing): what is left stays queued whole for the next start.
      if (this.stopped) throw error;
      console.warn(`[wren] search index: message ${entry.id} indexed without its HTML body:`, (error as Error).message);
      return searchDocument(entry, body ? { text: body.text, html: null } : null);
    }
  }

  private async bodyOf(entry: PendingEntry): Promise<BodyText | null> {
    if (entry.text !== null || entry.html !== null) return { text: entry.text, html: entry.html };
    if (entry.sourceBlob === null) return null;
    try {
      return await this.parse(this.store.blobs.pathOf(entry.sourceBlob));
    } catch {
      // A damaged or vanished file: the headers are still worth finding; opening the message fetches the source again.
      return null;
    }
  }
}
