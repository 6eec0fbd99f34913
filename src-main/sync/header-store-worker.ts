/**
 * The header-store thread, started by the sync worker: it decodes and stores the header batches the
 * sync worker fetched, so that reading the next batch off the wire (imapflow's parse) and decoding and
 * writing this one (about half of a header sync's work) run on two cores, not one after the other.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { toErrorShape } from '../errors/wren-error';
import { Store } from '../store/store';
import { portForRole } from '../workers/start-bundled-worker';
import { storeHeaders } from './header-writer';
import { HEADER_STORE_ROLE, fromWire, type FromHeaderStore, type ToHeaderStore } from './header-store-protocol';

function serve(port: MessagePort, dataDir: string): void {
  const post = (message: FromHeaderStore) => port.postMessage(message);
  let store: Store | null = null;
  port.on('message', (message: ToHeaderStore) => {
    if (message.type === 'close') {
      store?.close();
      store = null;
      // Nothing else holds the thread's loop: it ends here, its database closed (no checkpoint left half done).
      port.close();
      return;
    }
    try {
      if (!store) {
        store = new Store(dataDir);
        store.feed.onChanges((changes) => post({ type: 'changes', changes }));
      }
      storeHeaders(store, message.folderId, message.rows.map(fromWire));
      post({ type: 'written', id: message.id });
    } catch (error) {
      post({ type: 'failed', id: message.id, error: toErrorShape(error) });
    }
  });
}

const port = portForRole(HEADER_STORE_ROLE);
const dataDir = (workerData as { dataDir?: string } | null)?.dataDir;
if (port && dataDir) serve(port, dataDir);
