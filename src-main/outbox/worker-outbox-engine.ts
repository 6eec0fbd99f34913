import type { Worker } from 'node:worker_threads';
import { WrenError } from '../errors/wren-error';
import type { SendOutcome } from '../smtp/smtp-sender';
import { withRenewedToken, type RenewLogin } from '../accounts/oauth2/renewed-token-retry';
import type { SmtpLogin } from '../smtp/smtp-transport';
import { bundledWorkerPath, startBundledWorker } from '../workers/start-bundled-worker';
import type { OutboxEngine, QueueRequest, SendJob } from './outbox-engine';
import { batchedPost } from './batched-post';
import { OUTBOX_WORKER_ROLE, type FromOutboxWorker, type ToOutboxWorker } from './outbox-worker-protocol';

interface Call {
  resolve(value: number | SendOutcome): void;
  reject(error: WrenError): void;
  onBegan?: () => void;
}

type Request = { type: 'queue'; request: QueueRequest } | { type: 'send'; job: SendJob; login: SmtpLogin };

/**
 * The outbox's heavy work in its worker thread (started on first use,
 * restarted after a crash): the main thread posts a request and hears back
 * when the row is committed, when a message began to flow and how its send
 * ended. A worker that dies fails what it held; a row it had marked
 * "sending" is recovered by the runner like one left by a crash.
 */
export class WorkerOutboxEngine implements OutboxEngine {
  private worker: Worker | null = null;
  /** Requests of one turn, posted together to the worker they were made for. */
  private post: ((message: ToOutboxWorker) => void) | null = null;
  private readonly calls = new Map<number, Call>();
  private nextId = 1;

  constructor(
    private readonly dataDir: string,
    private readonly workerPath: string,
    private readonly loginFor: (accountId: number) => SmtpLogin | Promise<SmtpLogin>,
    /** OAuth2: a login with a renewed token after the server refused one; the worker cannot renew, so this side does. */
    private readonly renewLogin?: (accountId: number) => RenewLogin<SmtpLogin>,
  ) {}

  queue(request: QueueRequest): Promise<number> {
    return this.call({ type: 'queue', request }) as Promise<number>;
  }

  async send(job: SendJob, onBegan: () => void): Promise<SendOutcome> {
    const login = await this.loginFor(job.accountId);
    return withRenewedToken(login, this.renewLogin?.(job.accountId), (attempt) => this.call({ type: 'send', job, login: attempt }, onBegan) as Promise<SendOutcome>);
  }

  takeBack(outboxId: number): void {
    this.post?.({ type: 'takeBack', outboxId });
  }

  close(accountId: number): void {
    this.post?.({ type: 'close', accountId });
  }

  async closeAll(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.post = null;
    this.failAll(new WrenError('Internal', 'Wren is shutting down; the outbox stopped.'));
    await worker?.terminate();
  }

  private call(request: Request, onBegan?: () => void): Promise<number | SendOutcome> {
    const worker = this.ensureWorker();
    const post = this.post!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject, onBegan });
      worker.ref();
      post({ ...request, id });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startBundledWorker<FromOutboxWorker[]>(this.workerPath, OUTBOX_WORKER_ROLE, { dataDir: this.dataDir }, {
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
    else call.reject(new WrenError(message.error.code, message.error.message, message.error.details));
    // An idle worker must not keep the process (CLI, tests) alive.
    if (this.calls.size === 0) this.worker?.unref();
  }

  private failAll(error: WrenError): void {
    for (const call of this.calls.values()) call.reject(error);
    this.calls.clear();
  }
}

/** The bundled worker beside the bundled main code; null when running from TypeScript (tests). */
export function defaultOutboxWorkerPath(): string | null {
  return bundledWorkerPath('outbox-worker.cjs');
}
