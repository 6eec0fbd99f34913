import type { Worker } from 'node:worker_threads';
import { WrenError } from '../errors/wren-error';
import type { SendOutcome } from '../smtp/smtp-sender';
import { startBundledWorker } from '../workers/start-bundled-worker';
import type { SmtpLogin } from '../smtp/smtp-transport';
import { batchedPost } from './batched-post';
import type { QueueRequest, SendJob } from './outbox-engine';
import { OUTBOX_WORKER_ROLE, type FromOutboxWorker, type OutboxWorkerPurpose, type ToOutboxWorker } from './outbox-worker-protocol';

interface Call {
  resolve(value: number | SendOutcome): void;
  reject(error: WrenError): void;
  onBegan?: () => void;
}

/** A request that is answered (the worker's reply names it by its id). */
export type OutboxCall = { type: 'queue'; request: QueueRequest } | { type: 'send'; job: SendJob; login: SmtpLogin };

/**
 * One outbox worker thread (started on first use, restarted after a
 * crash): requests are posted in batches, and the replies matched to their
 * calls. A worker that dies fails what it held; a row it had marked
 * "sending" is recovered by the runner like one left by a crash.
 */
export class OutboxWorkerThread {
  private worker: Worker | null = null;
  /** Requests of one turn, posted together to the worker they were made for. */
  private post: ((message: ToOutboxWorker) => void) | null = null;
  private readonly calls = new Map<number, Call>();
  private nextId = 1;

  constructor(
    private readonly dataDir: string,
    private readonly workerPath: string,
    private readonly purpose: OutboxWorkerPurpose,
  ) {}

  call(request: OutboxCall, onBegan?: () => void): Promise<number | SendOutcome> {
    const worker = this.ensureWorker();
    const post = this.post!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject, onBegan });
      worker.ref();
      post({ ...request, id } as ToOutboxWorker);
    });
  }

  /** A notice that needs no answer; dropped when no worker runs (it has nothing to act on). */
  tell(message: Extract<ToOutboxWorker, { type: 'takeBack' | 'close' }>): void {
    this.post?.(message);
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.post = null;
    this.failAll(new WrenError('Internal', 'Wren is shutting down; the outbox stopped.'));
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startBundledWorker<FromOutboxWorker[]>(this.workerPath, OUTBOX_WORKER_ROLE, { dataDir: this.dataDir, purpose: this.purpose }, {
      onMessage: (messages) => messages.forEach((message) => this.receive(message)),
      onError: (error) => this.failAll(new WrenError('Internal', `The outbox worker crashed: ${error.message}`)),
      onExit: () => {
        if (this.worker === worker) {
          this.worker = null;
          this.post = null;
        }
        this.failAll(new WrenError('Internal', 'The outbox worker stopped unexpectedly; the next send starts a new one.'));
      },
    });
    this.worker = worker;
    this.post = batchedPost<ToOutboxWorker>((messages) => worker.postMessage(messages));
    return worker;
  }

  private receive(message: FromOutboxWorker): void {
    const call = this.calls.get(message.id);
    if (!call) return;
    if (message.type === 'began') return call.onBegan?.();
    this.calls.delete(message.id);
    if (message.type === 'queued') call.resolve(message.outboxId);
    else if (message.type === 'sent') call.resolve(message.outcome);
    else {
      // A small message's "began" comes with its failure (a successful send began, of course).
      if (message.began) call.onBegan?.();
      call.reject(new WrenError(message.error.code, message.error.message, message.error.details));
    }
    // An idle worker must not keep the process (CLI, tests) alive.
    if (this.calls.size === 0) this.worker?.unref();
  }

  private failAll(error: WrenError): void {
    for (const call of this.calls.values()) call.reject(error);
    this.calls.clear();
  }
}
