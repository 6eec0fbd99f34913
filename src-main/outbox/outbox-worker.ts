/**
 * An outbox worker thread, started for one purpose (two run: see
 * WorkerOutboxEngine): building queued messages into the store (its own
 * database connection; WAL lets the main thread read meanwhile), or holding
 * the SMTP connections and sending, so MIME building, flushing and the SMTP
 * conversation never run on the core's event loop. It marks a message "sending" before
 * DATA and "sent" once the server took it (grouped commits); the main thread
 * keeps the other decisions (claims, failures, recovery, the Sent copy).
 * Both ways, the messages of one turn travel as one array.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { WrenError, toErrorShape } from '../errors/wren-error';
import type { SmtpLogin } from '../smtp/smtp-transport';
import { Store } from '../store/store';
import { portForRole } from '../workers/start-bundled-worker';
import { nameThisThread } from '../workers/thread-name';
import { AttachmentStaging } from './attachment-staging';
import { batchedPost } from './batched-post';
import { InProcessOutboxEngine } from './outbox-engine';
import { BEGAN_NOTICE_BYTES, OUTBOX_WORKER_ROLE, type FromOutboxWorker, type OutboxWorkerPurpose, type ToOutboxWorker } from './outbox-worker-protocol';

/**
 * Neither outbox worker's commits should be the ones that find the WAL over
 * SQLite's checkpoint threshold (1,000 pages) and copy it into the database,
 * with two flushes, in the middle of a burst: a thousand messages kept in
 * the database would pay a dozen of those. Their threshold is the main
 * thread's (64 MB), and the builder checkpoints once a burst is over.
 */
const WORKER_CHECKPOINT_PAGES = 16_384;
const CHECKPOINT_AFTER_IDLE_MS = 1000;
const REPLY_GATHER_MS = 5;

/** A passive checkpoint once no message has been queued for a while (it never waits for readers or writers). */
function checkpointWhenIdle(store: Store): () => void {
  let timer: NodeJS.Timeout | null = null;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      store.db.pragma('wal_checkpoint(PASSIVE)');
    }, CHECKPOINT_AFTER_IDLE_MS);
    timer.unref();
  };
}

function serve(port: MessagePort, dataDir: string, purpose: OutboxWorkerPurpose): void {
  // Replies of one turn go back together; the sender's over a few ms, as its sends end one at a time (the
  // runner keeps enough messages waiting on the connection for the delay never to leave it idle).
  const post = batchedPost<FromOutboxWorker>((messages) => port.postMessage(messages), purpose === 'send' ? REPLY_GATHER_MS : 0);
  const logins = new Map<number, SmtpLogin>();
  const loginFor = (accountId: number) => {
    const login = logins.get(accountId);
    if (!login) throw new WrenError('Internal', `No SMTP login for account ${accountId} in the outbox worker.`);
    return login;
  };
  const store = new Store(dataDir);
  store.db.pragma(`wal_autocheckpoint = ${WORKER_CHECKPOINT_PAGES}`);
  const queued = purpose === 'build' ? checkpointWhenIdle(store) : () => undefined;
  const engine = new InProcessOutboxEngine(store, new AttachmentStaging(dataDir), loginFor, undefined, purpose === 'send');
  const failed = (id: number) => (error: unknown) => post({ type: 'failed', id, error: toErrorShape(error) });
  port.on('message', (messages: ToOutboxWorker[]) => {
    for (const message of messages) take(message);
  });
  function take(message: ToOutboxWorker): void {
    if (message.type === 'close') return engine.close(message.accountId);
    if (message.type === 'takeBack') return engine.takeBack(message.outboxId);
    if (message.type === 'queue') {
      return void engine.queue(message.request).then((outboxId) => {
        queued();
        post({ type: 'queued', id: message.id, outboxId });
      }, failed(message.id));
    }
    logins.set(message.job.accountId, message.login);
    let began = false;
    const onBegan = () => {
      began = true;
      if (message.job.size > BEGAN_NOTICE_BYTES) post({ type: 'began', id: message.id });
    };
    void engine.send(message.job, onBegan).then(
      (outcome) => post({ type: 'sent', id: message.id, outcome }),
      (error: unknown) => post({ type: 'failed', id: message.id, error: toErrorShape(error), began: began && message.job.size <= BEGAN_NOTICE_BYTES }),
    );
  }
}

const port = portForRole(OUTBOX_WORKER_ROLE);
const data = workerData as { dataDir?: string; purpose?: OutboxWorkerPurpose } | null;
if (port && data?.dataDir) {
  // Two threads run this bundle; each is named for its purpose (wren-build, wren-send).
  nameThisThread(`wren-${data.purpose ?? 'build'}`);
  serve(port, data.dataDir, data.purpose ?? 'build');
}
