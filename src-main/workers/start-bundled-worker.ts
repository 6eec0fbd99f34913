import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { nameThisThread } from './thread-name';
import { Worker, isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';

/** The key in workerData naming which bundled worker a thread is meant to be. */
const ROLE_KEY = 'wrenWorkerRole';

export interface WorkerListeners<FromWorker> {
  onMessage(message: FromWorker): void;
  /** An uncaught error in the worker; `onExit` follows. */
  onError(error: Error): void;
  onExit(code: number): void;
}

/**
 * Where a bundled worker lives: beside the main bundle (dist/main), as
 * scripts/build-main.mjs emits each worker entry there. Null when running
 * from TypeScript (vitest): there is no .cjs then, and no way to start a
 * TypeScript worker without a loader, so callers do the work in-process.
 */
export function bundledWorkerPath(fileName: string, dir: string | undefined = typeof __dirname === 'string' ? __dirname : undefined): string | null {
  const file = dir ? join(dir, fileName) : null;
  if (!file) return null;
  // Packaged: the workers are unpacked from app.asar (electron-builder.yml, asarUnpack), as a Worker cannot start a script inside it.
  const unpacked = file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  if (unpacked !== file && existsSync(unpacked)) return unpacked;
  return existsSync(file) ? file : null;
}

/**
 * Starts a worker thread from a bundled script, marked with its role (the
 * worker answers only when started for that role, see `portForRole`), with
 * its listeners wired. It starts unref'd: an idle worker never keeps the
 * process (CLI, tests) alive; the caller refs it while a job runs.
 */
export function startBundledWorker<FromWorker>(
  path: string,
  role: string,
  data: Record<string, unknown>,
  listeners: WorkerListeners<FromWorker>,
): Worker {
  const worker = new Worker(path, { workerData: { ...data, [ROLE_KEY]: role } });
  worker.unref();
  worker.on('message', (message: FromWorker) => listeners.onMessage(message));
  worker.on('error', (error) => listeners.onError(error));
  worker.on('exit', (code) => listeners.onExit(code));
  return worker;
}

/** Inside a worker: the port to the main thread if this thread was started for `role`, else null. */
export function portForRole(role: string): MessagePort | null {
  if (isMainThread || !parentPort) return null;
  if ((workerData as Record<string, unknown> | null)?.[ROLE_KEY] !== role) return null;
  nameThisThread(role.replace(/-worker$/, ''));
  return parentPort;
}

