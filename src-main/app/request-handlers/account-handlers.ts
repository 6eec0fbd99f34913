import { discoverAccount } from '../../accounts/discovery/discover-account';
import { defaultDiscoveryOptions } from '../../accounts/discovery/discovery-options';
import type { Handlers } from '../../ipc/dispatch';
import type { accountRequests } from '../../ipc/requests/account-requests';
import type { WrenCore } from '../wren-core';

/** The accounts' requests: list, add, edit, remove, reorder, discovery and the OAuth2 browser sign-in. */
export function accountHandlers(core: WrenCore): Pick<Handlers, keyof typeof accountRequests> {
  return {
    'accounts.list': () => core.accounts.list(),
    'accounts.testConnection': (draft) => core.accounts.testConnection(draft),
    'accounts.add': async (draft) => {
      const account = await core.accounts.add(draft);
      if (core.options.mode !== 'cli') core.sync.start([account.id], false);
      return account;
    },
    'accounts.remove': async ({ accountId }) => {
      const id = core.accounts.require(accountId).id;
      core.sessions.closeAccount(id);
      // A sync of the account still running would write rows for it after they are gone: it ends first.
      await core.sync.release(id);
      const kept = await core.accounts.remove(id);
      core.status.forget(id);
      core.settings.forgetAccount(id);
      return { removed: true, kept };
    },
    'accounts.update': async (patch) => {
      const { view, reconnect } = await core.accounts.update(patch);
      if (reconnect) {
        // Connections opened with the old settings go; the next sync (started here in the app) uses the new ones.
        core.sessions.closeAccount(view.id);
        await core.sync.release(view.id);
        if (core.options.mode !== 'cli') core.sync.start([view.id], false);
      }
      return view;
    },
    'accounts.discover': ({ email }) => discoverAccount(email, defaultDiscoveryOptions(core.options.discovery)),
    'accounts.reorder': ({ accountIds }) => core.accounts.reorder(accountIds),
    'accounts.oauthStart': ({ email, provider, accountId }) => {
      if (accountId === undefined) return core.oauth2Flows.start(email, provider);
      const again = core.accounts.signInAgainWith(accountId);
      return core.oauth2Flows.start(again.email, again.provider);
    },
    'accounts.oauthFinish': ({ flowId }) => core.oauth2Flows.finish(flowId),
    'accounts.oauthCancel': ({ flowId }) => {
      core.oauth2Flows.cancel(flowId);
      return { cancelled: true };
    },
  };
}
