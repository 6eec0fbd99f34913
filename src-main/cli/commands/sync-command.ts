import { parseArgs } from 'node:util';
import type { SyncSummary } from '../../ipc/contract';
import { toErrorShape } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';

/** `wren sync [ACCOUNT] [--bodies]`: progress on stderr, one summary per account on stdout. */
export async function syncCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { bodies: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const ids = positionals[0] ? [context.accountId(positionals[0])] : context.core.store.accounts.list().map((a) => a.id);
  const stopProgress = context.core.events.on('sync.progress', (p) => {
    if (p.phase !== 'folders') context.err.write(`\r${p.phase} ${p.folderPath}: ${p.done}/${p.total}\u001b[K`);
  });
  const results: (SyncSummary | { accountId: number; error: ReturnType<typeof toErrorShape> })[] = [];
  for (const accountId of ids) {
    try {
      results.push(await context.core.sync.run(accountId, values.bodies ?? false));
    } catch (error) {
      results.push({ accountId, error: toErrorShape(error) });
    }
  }
  stopProgress();
  if (ids.length) context.err.write('\r\u001b[K');
  context.print(results, () => results.map(describe));
  return results.some((r) => 'error' in r) ? 1 : 0;
}

function describe(result: SyncSummary | { accountId: number; error: { message: string } }): string {
  if ('error' in result) return `account ${result.accountId}: sync failed: ${result.error.message}`;
  return `account ${result.accountId}: ${result.folders} folders, ${result.newMessages} new, ${result.removedMessages} removed, ${result.flagUpdates} flag changes, ${result.bodiesFetched} bodies downloaded`;
}
