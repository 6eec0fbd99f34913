import { join } from 'node:path';
import { createHandlers } from '../../../src-main/app/handlers';
import { WrenCore } from '../../../src-main/app/wren-core';
import type { Method, ParamsOf, ResultOf } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';

/**
 * A core on a data folder that outlives it (a restart opens a new one on the same folder and key); the CLI's
 * unless `syncIntervalMs` makes it the app's (background sync).
 */
export function openCore(dir: string, syncIntervalMs = 0) {
  const core = WrenCore.open({ dataDir: join(dir, 'data'), mode: syncIntervalMs ? 'web' : 'cli', secrets: new KeyFileSecretStore(join(dir, 'key')), syncWorkerPath: null, syncIntervalMs });
  const handlers = createHandlers(core);
  const call = <M extends Method>(method: M, params: ParamsOf<M>) => dispatch(handlers, method, params) as Promise<ResultOf<M>>;
  return { core, call };
}
export type OpenCore = ReturnType<typeof openCore>;

/** Sends at once (no undo delay) and waits for the server's answer and the Sent copy. */
export async function sendFrom(wren: OpenCore, message: ParamsOf<'outbox.send'>['message']) {
  const entry = await wren.call('outbox.send', { message, undoSeconds: 0 });
  const [settled] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
  return settled!;
}
