import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ComposedMessage } from '../ipc/compose-shapes';
import { SmtpSender, type SendGate, type SendOutcome } from '../smtp/smtp-sender';
import type { RenewLogin } from '../accounts/oauth2/renewed-token-retry';
import type { SmtpLogin } from '../smtp/smtp-transport';
import { flushWal, flushWalNow } from '../store/flush-wal';
import type { Store } from '../store/store';
import type { AttachmentStaging } from './attachment-staging';
import { buildMessage, type Envelope, type SendingIdentity } from './build-message';
import { OutboxCommitter, type QueuedRow } from './outbox-committer';
import { SendingMarks } from './sending-marks';
import { SentMarks } from './sent-marks';

/** A composed message to build and queue (plain data: it may cross to the outbox worker). */
export interface QueueRequest {
  composed: ComposedMessage;
  from: SendingIdentity;
  /** With its angle brackets; assigned before the message is queued. */
  messageId: string;
  date: number;
  row: QueuedRow;
  /** A forward's original's Message-ID, read from the store before the message crosses to the worker. */
  forwardedMessageId?: string | null;
}

/** A queued message to send, claimed by the runner's `token`. */
export interface SendJob {
  accountId: number;
  outboxId: number;
  token: string;
  envelope: Envelope;
  blob: string;
  size: number;
  /** Whether a Sent copy is still to be filed once the server took it (recorded with "sent"). */
  sentCopy: 'pending' | 'skipped';
}

/**
 * The outbox's heavy work: building a message into the store (MIME, the
 * blob, the row) and the SMTP conversation. The app runs it in the outbox
 * worker thread (WorkerOutboxEngine), so the core's event loop stays free;
 * this class is that work, in whichever thread it runs.
 */
export interface OutboxEngine {
  /** Builds the message and commits it with its row; resolves with the row's id. */
  queue(request: QueueRequest): Promise<number>;
  /**
   * Sends the stored message. Before its first byte, the row is marked
   * "sending" and that mark flushed to the disk: when its turn comes on the
   * connection, or ahead of it, while the message before it is on the line
   * (see SendingMarks); refused when it was taken back meanwhile: then
   * nothing is sent;
   * `onBegan` is called as its first byte goes, after the server's 354. A
   * failure before that byte puts the row back to queued. Resolves
   * once the server took it and the row is marked "sent" (by the engine,
   * where the send ran, grouped with the other marks of the moment).
   */
  send(job: SendJob, onBegan: () => void): Promise<SendOutcome>;
  /**
   * The row was taken back (Undo, cancel): a send of it still waiting its
   * turn on the connection is dropped before anything of it is sent.
   */
  takeBack(outboxId: number): void;
  /** Drops the account's SMTP connection (its settings changed, or it failed below SMTP). */
  close(accountId: number): void;
  closeAll(): Promise<void>;
}

export class InProcessOutboxEngine implements OutboxEngine {
  private readonly committer: OutboxCommitter;
  private readonly sender: SmtpSender;
  private readonly marks: SentMarks;
  private readonly sending: SendingMarks;
  /** The sends under way, by outbox row, so a taken-back row's send can be called off. */
  private readonly inFlight = new Map<number, AbortController>();

  constructor(
    private readonly store: Store,
    private readonly staging: AttachmentStaging,
    loginFor: (accountId: number) => SmtpLogin | Promise<SmtpLogin>,
    renewLogin?: (accountId: number) => RenewLogin<SmtpLogin>,
    /**
     * Flush the "sending" mark on this thread (the outbox's sending worker):
     * it blocks the thread for the flush, which must not be the core's.
     */
    private readonly flushOnThisThread = false,
  ) {
    this.committer = new OutboxCommitter(store);
    this.sender = new SmtpSender(loginFor, renewLogin);
    this.marks = new SentMarks(store.db, store.outbox);
    this.sending = new SendingMarks(store, () => this.flushSendingMark(), () => this.flushInPool(), (work) => this.marks.withMarks(work));
  }

  async queue(request: QueueRequest): Promise<number> {
    const { composed, from, messageId, date, row, forwardedMessageId } = request;
    const built = buildMessage({ composed, from, messageId, date: new Date(date), staging: this.staging, forwardedMessageId });
    return this.committer.add(built, row);
  }

  async send(job: SendJob, onBegan: () => void): Promise<SendOutcome> {
    const controller = new AbortController();
    this.inFlight.set(job.outboxId, controller);
    let began = false;
    const gate: SendGate = {
      turnBegins: () => this.sending.turnBegins(job),
      dataBegins: () => {
        began = true;
        onBegan();
      },
    };
    this.sending.handedOver(job);
    try {
      const outcome = await this.sender.send(job.accountId, job.envelope, () => this.messageOf(job), gate, controller.signal);
      await this.marks.mark(job.outboxId, outcome.refused, job.sentCopy);
      return outcome;
    } catch (error) {
      if (!began) this.sending.unbegun(job);
      throw error;
    } finally {
      if (this.inFlight.get(job.outboxId) === controller) this.inFlight.delete(job.outboxId);
    }
  }

  /**
   * A message's turn begins as nodemailer creates its stream, just before it
   * writes MAIL FROM (with PIPELINING, the whole envelope and DATA); the flush
   * runs after that (a microtask later) while the server answers, and the
   * first byte of the message waits for it.
   */
  private async flushSendingMark(): Promise<void> {
    if (!this.flushOnThisThread) return this.flushInPool();
    await null;
    try {
      flushWalNow(this.store.db);
    } catch (error) {
      couldNotFlush(error);
    }
  }

  private flushInPool(): Promise<void> {
    return flushWal(this.store.db).catch(couldNotFlush);
  }

  /** The stored message: kept with its row (small ones), or in its blob file. */
  private messageOf(job: SendJob): Readable {
    const content = this.store.outbox.source(job.outboxId);
    return content ? Readable.from([content], { objectMode: false }) : createReadStream(this.store.blobs.pathOf(job.blob));
  }

  takeBack(outboxId: number): void {
    this.inFlight.get(outboxId)?.abort();
  }

  close(accountId: number): void {
    this.sender.close(accountId);
  }

  async closeAll(): Promise<void> {
    this.sender.closeAll();
  }
}

/** The rows are committed and will be sent: a failed flush is no reason to stop (nor to send twice). */
function couldNotFlush(error: unknown): void {
  console.warn('[wren] outbox: could not flush the sending mark to the disk:', (error as Error).message);
}
