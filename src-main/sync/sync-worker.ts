/**
 * The sync worker thread: its own database connection (SQLite in WAL mode
 * lets it write while the main thread reads) and its own IMAP connections.
 * Everything heavy in a sync (parsing responses, decoding headers, writing
 * batches) happens here; the main thread only relays progress and changes.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { toErrorShape } from '../errors/wren-error';
import { Store } from '../store/store';
import type { StoreChange } from '../ipc/contract';
import { InProcessSyncRunner } from './in-process-sync-runner';
import { WorkerHeaderWriter, defaultHeaderStorePath } from './worker-header-writer';
import { portForRole } from '../workers/start-bundled-worker';
import { SYNC_WORKER_ROLE, type FromSyncWorker, type ToSyncWorker } from './sync-worker-protocol';

/** The worker's own store and runner, opened for its first job: a worker started early (`wren sync`) waits for the main thread's migrations. */
function open(dataDir: string, post: (message: FromSyncWorker) => void): InProcessSyncRunner {
  const store = new Store(dataDir);
  const onChanges = (changes: StoreChange[]) => post({ type: 'changes', changes });
  store.feed.onChanges(onChanges);
  const headerStorePath = defaultHeaderStorePath();
  const headerWriter = headerStorePath ? new WorkerHeaderWriter(headerStorePath, dataDir, onChanges, store) : undefined;
  return new InProcessSyncRunner(store, (event) => post({ type: 'mailNew', event }), headerWriter);
}

function serve(port: MessagePort, dataDir: string): void {
  const post = (message: FromSyncWorker) => port.postMessage(message);
  let opened: InProcessSyncRunner | null = null;
  port.on('message', (message: ToSyncWorker) => {
    const runner = (opened ??= open(dataDir, post));
    if (message.type === 'drop') return runner.dropConnection(message.accountId);
    if (message.type === 'unwatch') return runner.unwatch(message.accountId);
    if (message.type === 'watch') {
      const { accountId } = message.job;
      return runner.watch(message.job, (fault) => post({ type: 'watchLost', accountId, error: toErrorShape(fault) }));
    }
    if (message.type === 'stop') return void runner.close().then(() => post({ type: 'stopped' }));
    runner
      .run(message.job, (progress) => post({ type: 'progress', progress }))
      .then((summary) => post({ type: 'done', id: message.id, summary }))
      .catch((error: unknown) => post({ type: 'failed', id: message.id, error: toErrorShape(error) }));
  });
}

const port = portForRole(SYNC_WORKER_ROLE);
const dataDir = (workerData as { dataDir?: string } | null)?.dataDir;
if (port && dataDir) serve(port, dataDir);
