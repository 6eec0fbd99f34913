/**
 * The outbox worker thread: builds queued messages into the store (its own
 * database connection; WAL lets the main thread read meanwhile) and holds
 * the SMTP connections, so MIME building, flushing and the SMTP conversation
 * never run on the core's event loop. It marks a message "sending" before
 * DATA and "sent" once the server took it (grouped commits); the main thread
 * keeps the other decisions (claims, failures, recovery, the Sent copy).
 * Both ways, the messages of one turn travel as one array.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { WrenError, toErrorShape } from '../errors/wren-error';
import type { SmtpLogin } from '../smtp/smtp-transport';
import { Store } from '../store/store';
import { portForRole } from '../workers/start-bundled-worker';
import { AttachmentStaging } from './attachment-staging';
import { batchedPost } from './batched-post';
import { InProcessOutboxEngine } from './outbox-engine';
import { OUTBOX_WORKER_ROLE, type FromOutboxWorker, type ToOutboxWorker } from './outbox-worker-protocol';

function serve(port: MessagePort, dataDir: string): void {
  // Replies of one turn go back together (a burst of sends ends in a burst of replies).
  const post = batchedPost<FromOutboxWorker>((messages) => port.postMessage(messages));
  const logins = new Map<number, SmtpLogin>();
  const loginFor = (accountId: number) => {
    const login = logins.get(accountId);
    if (!login) throw new WrenError('Internal', `No SMTP login for account ${accountId} in the outbox worker.`);
    return login;
  };
  const engine = new InProcessOutboxEngine(new Store(dataDir), new AttachmentStaging(dataDir), loginFor);
  const failed = (id: number) => (error: unknown) => post({ type: 'failed', id, error: toErrorShape(error) });
  port.on('message', (messages: ToOutboxWorker[]) => {
    for (const message of messages) take(message);
  });
  function take(message: ToOutboxWorker): void {
    if (message.type === 'close') return engine.close(message.accountId);
    if (message.type === 'takeBack') return engine.takeBack(message.outboxId);
    if (message.type === 'queue') {
      return void engine.queue(message.request).then((outboxId) => post({ type: 'queued', id: message.id, outboxId }), failed(message.id));
    }
    logins.set(message.job.accountId, message.login);
    void engine
      .send(message.job, () => post({ type: 'began', id: message.id }))
      .then((outcome) => post({ type: 'sent', id: message.id, outcome }), failed(message.id));
  }
}

const port = portForRole(OUTBOX_WORKER_ROLE);
const dataDir = (workerData as { dataDir?: string } | null)?.dataDir;
if (port && dataDir) serve(port, dataDir);
