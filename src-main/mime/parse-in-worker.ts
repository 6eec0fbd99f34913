import { stat } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { WrenError } from '../errors/wren-error';
import type { ParsedSource } from './parse-source';
import { searchDocument, type BodyText } from '../search/search-document';
import type { PendingEntry, SearchDocument } from '../store/search-repo';
import { bundledWorkerPath, startBundledWorker } from '../workers/start-bundled-worker';
import { PARSE_WORKER_ROLE, parseFileWith, type FileParseOptions, type ParseResponse, type ParseWorkerRequest } from './parse-worker';
import { readableText } from './readable-text';

export interface ParsePoolOptions {
  /** The bundled worker script; null parses in this thread (see defaultWorkerPath). */
  workerPath: string | null;
  /** Workers started at most, lazily. */
  size?: number;
  /** A parse running longer than this is stopped and its worker replaced. */
  timeoutMs?: number;
}

interface Job {
  request: ParseWorkerRequest;
  resolve: (result: ParsedSource | SearchDocument | string) => void;
  reject: (error: Error) => void;
}

/** What a failed job's error names: the file parsed, or the message whose document was prepared. */
function jobDetails(request: ParseWorkerRequest): Record<string, unknown> {
  if ('document' in request) return { messageId: request.document.entry.id };
  return 'plainText' in request ? {} : { path: request.path };
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
}

/**
 * A few worker threads that parse message files, so a big parse never
 * blocks the Electron main thread. Workers start on first use, are unref'd
 * while idle (they never keep the app alive), and are replaced when one
 * crashes or times out; the parse it was running fails with a WrenError.
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly options: ParsePoolOptions) {}

  async parseFile(file: string, options?: FileParseOptions): Promise<ParsedSource> {
    await stat(file).catch(() => {
      throw new WrenError('NotFound', `Message file ${file} does not exist.`, { path: file });
    });
    // No bundled worker (vitest runs the TypeScript directly): parse here.
    if (!this.options.workerPath) return parseFileWith(file, options);
    return this.enqueue({ id: this.nextId++, path: file, options }) as Promise<ParsedSource>;
  }

  /** A message's search document from its cached body (html-to-text is the slow part), in a worker. */
  async searchDocument(entry: PendingEntry, body: BodyText | null): Promise<SearchDocument> {
    if (!this.options.workerPath) return searchDocument(entry, body);
    return this.enqueue({ id: this.nextId++, document: { entry, body } }) as Promise<SearchDocument>;
  }

  /** An HTML body as text to read (readable-text.ts), in a worker. */
  async plainText(html: string): Promise<string> {
    if (!this.options.workerPath) return readableText(html);
    return this.enqueue({ id: this.nextId++, plainText: { html } }) as Promise<string>;
  }

  private enqueue(request: ParseWorkerRequest): Promise<ParsedSource | SearchDocument | string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running parses fail. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new WrenError('Internal', 'The message parser was shut down.'));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < (this.options.size ?? 2) ? this.start() : null);
      if (!slot) return;
      this.run(slot, this.queue.shift() as Job);
    }
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      void slot.worker.terminate();
    }, this.options.timeoutMs ?? 120_000);
    slot.worker.postMessage(job.request);
  }

  private start(): Slot {
    const worker = startBundledWorker<ParseResponse>(this.options.workerPath as string, PARSE_WORKER_ROLE, {}, {
      onMessage: (response) => this.answer(slot, response),
      onError: (error) => this.fail(slot, `The message parser crashed: ${error.message}`),
      onExit: (code) => {
        this.fail(slot, slot.timedOut ? 'The message parser took too long and was stopped.' : `The message parser stopped (exit code ${code}).`);
        this.slots.splice(this.slots.indexOf(slot), 1);
        this.dispatch();
      },
    });
    const slot: Slot = { worker, job: null, timer: null, timedOut: false };
    this.slots.push(slot);
    return slot;
  }

  private finishJob(slot: Slot): Job | null {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    slot.worker.unref();
    return job;
  }

  private answer(slot: Slot, response: ParseResponse): void {
    const job = this.finishJob(slot);
    if (!job) return;
    if (response.ok) job.resolve(response.result);
    else job.reject(new WrenError('Internal', `The message parser failed: ${response.error}`, jobDetails(job.request)));
    this.dispatch();
  }

  private fail(slot: Slot, message: string): void {
    const job = this.finishJob(slot);
    job?.reject(new WrenError('Internal', message, jobDetails(job.request)));
  }
}

/**
 * Where the bundled worker lives: next to the main bundle (dist/main), as
 * the build emits src-main/mime/parse-worker.ts to dist/main/parse-worker.cjs.
 * Unbundled (vitest), there is no .cjs and no way to start a TypeScript
 * worker without a loader, so parsing runs in-process there.
 */
export function defaultWorkerPath(): string | null {
  return bundledWorkerPath('parse-worker.cjs');
}

let shared: ParsePool | null = null;

function sharedPool(): ParsePool {
  shared ??= new ParsePool({ workerPath: defaultWorkerPath(), size: 2 });
  return shared;
}

/** Parses a message file (a blob) off the main thread; see ParsePool. */
export function parseSourceFileInWorker(file: string, options?: FileParseOptions): Promise<ParsedSource> {
  return sharedPool().parseFile(file, options);
}

/** An HTML body's text to read, off the main thread; see ParsePool.plainText. */
export function readableTextInWorker(html: string): Promise<string> {
  return sharedPool().plainText(html);
}

/** A message's search document off the main thread; see ParsePool.searchDocument. */
export function searchDocumentInWorker(entry: PendingEntry, body: BodyText | null): Promise<SearchDocument> {
  return sharedPool().searchDocument(entry, body);
}
