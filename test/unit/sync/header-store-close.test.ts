import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_STORE_ROLE, toWire, type FromHeaderStore } from '../../../src-main/sync/header-store-protocol';
import { startBundledWorker } from '../../../src-main/workers/start-bundled-worker';
import { addAccount, tempStore } from '../store/temp-store';

const ENTRY = path.resolve(__dirname, '../../../src-main/sync/header-store-worker.ts');

let bundleDir: string;
let workerPath: string;

/** Bundled as scripts/build-main.mjs does, inside node_modules so that better-sqlite3 resolves from it. */
beforeAll(async () => {
  bundleDir = mkdtempSync(path.resolve(__dirname, '../../../node_modules/.wren-test-'));
  workerPath = path.join(bundleDir, 'header-store-worker.cjs');
  const result = await build({ entryPoints: [ENTRY], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], write: false, logLevel: 'error' });
  writeFileSync(workerPath, result.outputFiles[0]!.text);
}, 30_000);

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

describe('the header-store thread', () => {
  it('stores what was posted before "close", then closes its database and ends by itself', async () => {
    const temp = tempStore();
    try {
      const { store } = temp;
      const folderId = store.folders.addLocalFirst(addAccount(store, 'a'), { path: 'INBOX', name: 'INBOX', parentId: null, delimiter: '/' }).id;
      const replies: FromHeaderStore[] = [];
      const exited = new Promise<number>((resolve, reject) => {
        const worker = startBundledWorker<FromHeaderStore>(workerPath, HEADER_STORE_ROLE, { dataDir: temp.dir }, {
          onMessage: (message) => replies.push(message),
          onError: reject,
          onExit: resolve,
        });
        worker.ref();
        const rows = [1, 2, 3].map((uid) => toWire({ seq: uid, uid, flags: new Set<string>(), envelope: { subject: `Message ${uid}` }, size: 100 } as never));
        worker.postMessage({ type: 'write', id: 1, folderId, rows });
        worker.postMessage({ type: 'close' });
      });
      // Ended with code 0 and no terminate(): closing its port left the thread's loop empty.
      expect(await exited).toBe(0);
      expect(replies.filter((r) => r.type !== 'changes')).toEqual([{ type: 'written', id: 1 }]);
      expect(store.messages.uids(folderId)).toEqual([1, 2, 3]);
    } finally {
      temp.dispose();
    }
  }, 30_000);
});
