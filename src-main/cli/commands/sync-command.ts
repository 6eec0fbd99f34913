import { parseArgs } from 'node:util';
import type { SyncSummary } from '../../ipc/contract';
import { toErrorShape } from '../../errors/wren-error';
import type { ErrorShape } from '../../errors/error-codes';
import type { CliContext } from '../cli-context';

interface SyncFailure {
  accountId: number;
  error: ErrorShape;
}

/**
 * `wren sync [ACCOUNT] [--bodies]`: progress and failures on stderr, one
 * summary per synced account on stdout; any failure makes the exit code 1.
 */
export async function syncCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { bodies: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const ids = positionals[0] ? [context.accountId(positionals[0])] : context.core.store.accounts.list().map((a) => a.id);
  // On a terminal one line is redrawn in place; a pipe or a log file gets plain lines, no terminal escapes.
  const terminal = (context.err as { isTTY?: boolean }).isTTY === true;
  const stopProgress = context.core.events.on('sync.progress', (p) => {
    if (p.phase === 'folders') return;
    const line = `${p.phase} ${p.folderPath}: ${p.done}/${p.total}`;
    context.err.write(terminal ? `\r${line}\u001b[K` : `${line}\n`);
  });
  const summaries: SyncSummary[] = [];
  const failures: SyncFailure[] = [];
  for (const accountId of ids) {
    try {
      summaries.push(await context.core.sync.run(accountId, values.bodies ?? false));
    } catch (error) {
      failures.push({ accountId, error: toErrorShape(error) });
    }
  }
  stopProgress();
  if (terminal && ids.length) context.err.write('\r\u001b[K');
  for (const failure of failures) context.err.write(`${describeFailure(failure, context.json)}\n`);
  context.print(summaries, () => summaries.map(describe));
  return failures.length ? 1 : 0;
}

function describe(summary: SyncSummary): string {
  const waited = summary.waitedForOtherSync ? ' (waited for another sync of this account to finish)' : '';
  return `account ${summary.accountId}: ${summary.folders} folders, ${summary.newMessages} new, ${summary.removedMessages} removed, ${summary.flagUpdates} flag changes, ${summary.bodiesFetched} bodies downloaded${waited}`;
}

/** With --json, one JSON object per line (code and message), so a script can tell the causes apart. */
function describeFailure(failure: SyncFailure, json: boolean): string {
  if (json) return JSON.stringify(failure);
  return `wren: account ${failure.accountId}: sync failed (${failure.error.code}): ${failure.error.message}`;
}
