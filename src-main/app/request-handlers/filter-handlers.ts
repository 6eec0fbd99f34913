import type { Handlers } from '../../ipc/dispatch';
import type { filterRequests } from '../../ipc/requests/filter-requests';
import type { WrenCore } from '../wren-core';

/** Message filters (list, save, remove, run on a folder, their log) and the junk filter's training and run. */
export function filterHandlers(core: WrenCore): Pick<Handlers, keyof typeof filterRequests> {
  return {
    'filters.list': ({ accountId }) => core.filters.list(core.accounts.require(accountId).id),
    'filters.save': (filter) => core.filters.save({ ...filter, accountId: core.accounts.require(filter.accountId).id }),
    'filters.remove': ({ filterId }) => core.filters.remove(filterId),
    'filters.move': ({ filterId, direction }) => core.filters.move(filterId, direction),
    'filters.run': ({ folderId, filterId }) => core.filters.run(folderId, filterId),
    'filters.log': ({ accountId, limit }) => core.filters.log(core.accounts.require(accountId).id, limit),
    'filters.clearLog': ({ accountId }) => core.filters.clearLog(core.accounts.require(accountId).id),
    'junk.status': () => core.junk.status(),
    'junk.reset': () => core.junk.reset(),
    'junk.runOnFolder': ({ folderId }) => core.junk.runOnFolder(folderId),
  };
}
