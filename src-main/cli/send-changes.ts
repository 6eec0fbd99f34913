import type { Events } from '../ipc/contract';
import { WrenError, isOfflineFault } from '../errors/wren-error';
import type { CliContext } from './cli-context';
import { EXIT, exitCodeFor } from './exit-codes';

/**
 * A command that changed mail ends once the server agrees, where it can: the
 * account's queued operations are replayed (no folder pass). Offline the change
 * stays queued (it is already applied here) and the command says so and
 * succeeds; the next sync, or the app, sends it. Returns the exit code.
 */
export async function sendChanges(context: CliContext, accountId: number | null, done: string): Promise<number> {
  if (accountId === null) return 0; // the local folders: nothing to send
  const refused: Events['operation.failed'][] = [];
  const stopListening = context.events.on('operation.failed', (failure) => {
    if (failure.accountId === accountId) refused.push(failure);
  });
  let outcome;
  try {
    outcome = await context.request('sync.run', { accountId, replayOnly: true });
  } finally {
    stopListening();
  }
  for (const failure of refused) context.note(`the server refused a ${failure.kind} (operation ${failure.operationId}): ${failure.error.message}; the local view is back to the server's.`);
  const failure = outcome.failures[0]?.error;
  if (!failure) return refused.length ? EXIT.failed : EXIT.ok;
  const fault = new WrenError(failure.code, failure.message, failure.details);
  if (fault.code === 'WorkingOffline') {
    context.note(`${done} here; Wren is working offline (app.workOffline), so the change is queued and goes out once it is back online.`);
    return EXIT.ok;
  }
  if (isOfflineFault(fault)) {
    context.note(`${done} here; the server cannot be reached (${fault.code}), so the change is queued and goes out with the next sync.`);
    return EXIT.ok;
  }
  context.note(`${done} here, but telling the server failed (${fault.code}): ${fault.message}. The change stays queued for the next sync.`);
  return exitCodeFor(fault.code);
}
