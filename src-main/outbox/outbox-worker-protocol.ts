import type { ErrorShape } from '../errors/error-codes';
import type { SendOutcome } from '../smtp/smtp-sender';
import type { SmtpLogin } from '../smtp/smtp-transport';
import type { QueueRequest, SendJob } from './outbox-engine';

/** Messages between the main thread and the outbox worker (structured-cloned, so plain data only; posted as arrays). */
export type ToOutboxWorker =
  | { type: 'queue'; id: number; request: QueueRequest }
  /** The login travels with each job: the passwords stay with the main thread's vault. */
  | { type: 'send'; id: number; job: SendJob; login: SmtpLogin }
  /** The row was taken back: a send of it still waiting on the connection is dropped. */
  | { type: 'takeBack'; outboxId: number }
  | { type: 'close'; accountId: number };

export type FromOutboxWorker =
  | { type: 'queued'; id: number; outboxId: number }
  /** The row is marked "sending"; the message is flowing (said at once for a large message only: its transfer takes a while). */
  | { type: 'began'; id: number }
  | { type: 'sent'; id: number; outcome: SendOutcome }
  /** `began`: the row was marked "sending" first (the server may have the message). */
  | { type: 'failed'; id: number; error: ErrorShape; began?: boolean };

/** A message larger than this has its "began" said as soon as it flows; a smaller one's goes with its outcome. */
export const BEGAN_NOTICE_BYTES = 1024 * 1024;

/** What a worker is started for: building queued messages into the store, or sending them. */
export type OutboxWorkerPurpose = 'build' | 'send';

/** Marks the bundled file as the outbox worker, so it refuses to run as anything else. */
export const OUTBOX_WORKER_ROLE = 'wren-outbox-worker';
