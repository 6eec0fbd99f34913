import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledWorkerPath, startBundledWorker } from '../../../src-main/workers/start-bundled-worker';

const dir = mkdtempSync(path.join(tmpdir(), 'wren-bundled-worker-'));
const echoPath = path.join(dir, 'echo-worker.cjs');

/** A worker bundled as the build bundles the real ones, answering only when started for the role "echo". */
beforeAll(async () => {
  const helper = path.resolve(__dirname, '../../../src-main/workers/start-bundled-worker.ts');
  writeFileSync(path.join(dir, 'echo-worker.ts'), `
    import { workerData } from 'node:worker_threads';
    import { portForRole } from ${JSON.stringify(helper)};
    const port = portForRole('echo');
    if (port) port.on('message', (m) => (m === 'crash' ? process.exit(7) : port.postMessage({ echo: m, greeting: workerData.greeting })));
    else process.exit(5);`);
  await build({ entryPoints: [path.join(dir, 'echo-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: echoPath, logLevel: 'error' });
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(role: string) {
  const messages: unknown[] = [];
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let onMessage: (m: unknown) => void = () => undefined;
  const worker = startBundledWorker<unknown>(echoPath, role, { greeting: 'hello' }, {
    onMessage: (m) => { messages.push(m); onMessage(m); },
    onError: () => undefined,
    onExit: (code) => resolveExit(code),
  });
  const next = () => new Promise<unknown>((resolve) => (onMessage = resolve));
  return { worker, messages, exited, next };
}

describe('startBundledWorker', () => {
  it('starts the worker for its role with the data given and relays its messages', async () => {
    const { worker, next, exited } = start('echo');
    const answer = next();
    worker.ref();
    worker.postMessage('ping');
    expect(await answer).toEqual({ echo: 'ping', greeting: 'hello' });
    worker.postMessage('crash');
    expect(await exited).toBe(7);
  });

  it('a worker started for another role does not answer (it exits, as the echo worker does when unclaimed)', async () => {
    const { exited, messages } = start('parse');
    expect(await exited).toBe(5);
    expect(messages).toEqual([]);
  });
});

describe('bundledWorkerPath', () => {
  it('finds a worker file beside the bundle, and none that is not there', () => {
    expect(bundledWorkerPath('echo-worker.cjs', dir)).toBe(echoPath);
    expect(bundledWorkerPath('sync-worker.cjs', dir)).toBeNull();
  });

  it('packaged, takes the copy unpacked from app.asar (a Worker cannot start a script inside the archive)', () => {
    const resources = path.join(dir, 'resources');
    mkdirSync(path.join(resources, 'app.asar.unpacked', 'dist', 'main'), { recursive: true });
    writeFileSync(path.join(resources, 'app.asar.unpacked', 'dist', 'main', 'sync-worker.cjs'), '');
    expect(bundledWorkerPath('sync-worker.cjs', path.join(resources, 'app.asar', 'dist', 'main'))).toBe(path.join(resources, 'app.asar.unpacked', 'dist', 'main', 'sync-worker.cjs'));
  });
});
