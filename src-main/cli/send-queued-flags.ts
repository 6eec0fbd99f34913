import type { WrenCore } from '../app/wren-core';

/** Long enough to connect and log in to a slow server, short enough that an unreachable one does not hold the shell. */
const SEND_DEADLINE_MS = 20_000;

/**
 * A command that ends right after changing a flag (`wren read` marks the
 * message read) would leave the change queued until the next sync: this sends
 * the account's journal now (a sync, which replays it first), waiting at most
 * `deadlineMs`. Returns how many operations are still queued (the server could not be reached;
 * the next sync sends them).
 */
export async function sendQueuedFlags(core: WrenCore, accountId: number, deadlineMs = SEND_DEADLINE_MS): Promise<number> {
  const queued = () => core.store.operations.countUnfinished(accountId);
  if (queued() === 0) return 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deadlineMs);
  });
  const push = core.sync.run(accountId, false).catch(() => undefined);
  await Promise.race([push, deadline]);
  clearTimeout(timer);
  return queued();
}
