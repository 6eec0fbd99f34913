import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, type HandlerOptions } from '../../../src-main/app/handlers';
import { WrenCore, type CoreOptions } from '../../../src-main/app/wren-core';
import type { DiscoveryOptions } from '../../../src-main/accounts/discovery/discovery-options';
import type { AccountDraftInput, Method, ParamsOf, ResultOf } from '../../../src-main/ipc/contract';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';
import type { Lab, LabUser } from '../../lab/lab';

/** A Wren core in a temp folder, talked to through the same boundary as the UI. */
export interface TestCore {
  core: WrenCore;
  dir: string;
  call<M extends Method>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  dispose(): Promise<void>;
}

/**
 * `dataDir` puts the data elsewhere (a tiny disk); the caller then removes it.
 * `sharing` opens a second core on another core's data folder and key, as a
 * second process (the app and `wren`) would; dispose it before that core.
 */
export function startCore(
  options: {
    syncIntervalMs?: number;
    syncWorkerPath?: string | null;
    outboxWorkerPath?: string | null;
    searchWorkerPath?: string | null;
    dataDir?: string;
    discovery?: Partial<DiscoveryOptions>;
    sharing?: TestCore;
    onTokenWait?: CoreOptions['onTokenWait'];
    /** What the desktop app adds to the handlers (its dialogs, "open with the system"). */
    handlerOptions?: HandlerOptions;
  } = {},
): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'wren-core-'));
  const keyDir = options.sharing?.dir ?? dir;
  const core = WrenCore.open({
    dataDir: options.dataDir ?? options.sharing?.core.dataDir ?? join(dir, 'data'),
    mode: 'cli',
    secrets: new KeyFileSecretStore(join(keyDir, 'keys', 'secret.key')),
    onTokenWait: options.onTokenWait,
    syncIntervalMs: options.syncIntervalMs ?? 0,
    syncWorkerPath: options.syncWorkerPath ?? null,
    outboxWorkerPath: options.outboxWorkerPath ?? null,
    searchWorkerPath: options.searchWorkerPath ?? null,
    discovery: options.discovery,
  });
  const handlers = createHandlers(core, options.handlerOptions);
  return {
    core,
    dir,
    call: (method, params) => dispatch(handlers, method, params) as never,
    dispose: async () => {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An account draft for a lab user over IMAPS, trusting the lab's self-signed certificate. */
export function labDraft(lab: Lab, user: LabUser, overrides: Partial<AccountDraftInput> = {}): AccountDraftInput {
  return {
    name: user.email,
    email: user.email,
    incoming: { host: lab.host, port: lab.ports.imaps, security: 'tls', user: user.email },
    smtp: { host: lab.host, port: lab.ports.submission, security: 'starttls', user: user.email },
    password: user.password,
    trustedCertSha256: lab.certFingerprint256,
    ...overrides,
  };
}
