import type { SendOutcome } from '../smtp/smtp-sender';
import { withRenewedToken, type RenewLogin } from '../accounts/oauth2/renewed-token-retry';
import type { SmtpLogin } from '../smtp/smtp-transport';
import { bundledWorkerPath } from '../workers/start-bundled-worker';
import type { OutboxEngine, QueueRequest, SendJob } from './outbox-engine';
import { BurstLogins } from './burst-logins';
import { OutboxWorkerThread } from './outbox-worker-thread';

/**
 * The outbox's heavy work off the main thread, in two worker threads of the
 * same bundle: one builds queued messages into the store, the other holds
 * the SMTP connections and sends. A burst queued at once is then built
 * while the first of it is already on the wire, and neither waits for the
 * other's turn of the event loop. The main thread posts a request and hears
 * back when the row is committed, when a large message began to flow and
 * how its send ended.
 */
export class WorkerOutboxEngine implements OutboxEngine {
  private readonly builder: OutboxWorkerThread;
  private readonly sender: OutboxWorkerThread;
  private readonly logins: BurstLogins;

  constructor(
    dataDir: string,
    workerPath: string,
    loginFor: (accountId: number) => SmtpLogin | Promise<SmtpLogin>,
    /** OAuth2: a login with a renewed token after the server refused one; the worker cannot renew, so this side does. */
    private readonly renewLogin?: (accountId: number) => RenewLogin<SmtpLogin>,
  ) {
    this.builder = new OutboxWorkerThread(dataDir, workerPath, 'build');
    this.sender = new OutboxWorkerThread(dataDir, workerPath, 'send');
    this.logins = new BurstLogins(loginFor);
  }

  queue(request: QueueRequest): Promise<number> {
    return this.builder.call({ type: 'queue', request }) as Promise<number>;
  }

  send(job: SendJob, onBegan: () => void): Promise<SendOutcome> {
    return this.logins.during(job.accountId, (login) =>
      withRenewedToken(login, this.renewLogin?.(job.accountId), (attempt) => this.sender.call({ type: 'send', job, login: attempt }, onBegan) as Promise<SendOutcome>),
    );
  }

  takeBack(outboxId: number): void {
    this.sender.tell({ type: 'takeBack', outboxId });
  }

  close(accountId: number): void {
    this.sender.tell({ type: 'close', accountId });
  }

  async closeAll(): Promise<void> {
    await Promise.all([this.builder.stop(), this.sender.stop()]);
  }
}

/** The bundled worker beside the bundled main code; null when running from TypeScript (tests). */
export function defaultOutboxWorkerPath(): string | null {
  return bundledWorkerPath('outbox-worker.cjs');
}
