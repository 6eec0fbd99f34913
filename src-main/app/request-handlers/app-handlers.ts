import type { SyncRunResult } from '../../ipc/contract';
import { toErrorShape } from '../../errors/wren-error';
import { APP_VERSION } from '../version';
import type { Handlers } from '../../ipc/dispatch';
import type { appRequests } from '../../ipc/requests/app-requests';
import type { WrenCore } from '../wren-core';

/** The app's requests: its version and data folder, syncing, settings. */
export function appHandlers(core: WrenCore): Pick<Handlers, keyof typeof appRequests> {
  return {
    'app.info': () => ({ version: APP_VERSION, mode: core.options.mode, dataDir: core.dataDir }),
    'sync.start': ({ accountId, bodies }) => ({ started: core.sync.start(accountsToSync(core, accountId), bodies) }),
    'sync.run': async ({ accountId, bodies, replayOnly }) => {
      const ids = accountsToSync(core, accountId);
      const outcome: SyncRunResult = { summaries: [], failures: [] };
      for (const id of ids) {
        try {
          outcome.summaries.push(await (replayOnly ? core.sync.replay(id) : core.sync.run(id, bodies)));
          // The Sent copies it brought are filtered before it answers (the CLI then sends their changes).
          if (!replayOnly) await core.afterSendingSettled(id);
        } catch (error) {
          outcome.failures.push({ accountId: id, error: toErrorShape(error) });
        }
      }
      return outcome;
    },
    'sync.watch': ({ accountId }) => core.sync.watch(core.accounts.require(accountId).id),
    'settings.get': () => core.settings.get(),
    'settings.update': (patch) => core.settings.update(patch),
  };
}

/** The account named, or every account when none is. */
function accountsToSync(core: WrenCore, accountId: number | undefined): number[] {
  return accountId ? [core.accounts.require(accountId).id] : core.store.accounts.list().map((account) => account.id);
}
