import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSyncWorkerEarly, takeEarlySyncWorker } from '../../../src-main/sync/early-sync-worker';
import type { FromSyncWorker } from '../../../src-main/sync/sync-worker-protocol';

/** A stand-in worker that speaks at once, before anyone listens: what a crash or an early message looks like. */
function speakingWorker(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wren-early-')), 'worker.cjs');
  writeFileSync(file, "require('node:worker_threads').parentPort.postMessage({ type: 'stopped' });");
  return file;
}

function listenersInto(received: FromSyncWorker[]) {
  return { onMessage: (m: FromSyncWorker) => received.push(m), onError: () => undefined, onExit: () => undefined };
}

describe('the sync worker started early', () => {
  it('keeps what it said before a runner took it, and hands it over', async () => {
    const script = speakingWorker();
    startSyncWorkerEarly(script, 'data');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the message is posted meanwhile
    const received: FromSyncWorker[] = [];
    const worker = takeEarlySyncWorker(script, join(process.cwd(), 'data'), listenersInto(received));
    expect(worker).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([{ type: 'stopped' }]);
    expect(takeEarlySyncWorker(script, 'data', listenersInto([]))).toBeNull(); // taken once
    await worker!.terminate();
  });

  it('is not used for another data folder', () => {
    const script = speakingWorker();
    startSyncWorkerEarly(script, 'one');
    expect(takeEarlySyncWorker(script, 'two', listenersInto([]))).toBeNull();
  });
});
