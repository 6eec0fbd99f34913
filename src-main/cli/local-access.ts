import type { WrenCore } from '../app/wren-core';
import type { CliLocal } from './cli-context';
import { sendQueuedFlags } from './send-queued-flags';

/** The CLI's only direct uses of the core: what JSON requests cannot carry (see CliLocal). */
export function localAccessOf(core: WrenCore): CliLocal {
  return {
    openSource: async (messageId) => (await core.reader.source(messageId)).stream,
    sendQueuedFlags: async (messageId) => {
      const accountId = core.reader.requireMessage(messageId).accountId;
      return accountId === null ? 0 : sendQueuedFlags(core, accountId);
    },
  };
}
