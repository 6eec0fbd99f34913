import { parseArgs } from 'node:util';
import type { SyncRunResult, SyncSummary } from '../../ipc/contract';
import type { CliContext } from '../cli-context';
import { findAccount } from '../find-by-name';
import { syncWarningLines } from '../sync-warning-lines';
import { combinedExitCode, exitCodeFor } from '../exit-codes';
import { certificateLines } from '../retrust-lines';

type SyncFailure = SyncRunResult['failures'][number];

/**
 * `wren sync [ACCOUNT] [--bodies]`: progress and failures on stderr, one
 * summary per synced account on stdout; a failure sets the exit code by its cause (exit-codes.ts:
 * 75 offline, 77 login refused, 1 otherwise or when several accounts failed for different reasons).
 */
export async function syncCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { bodies: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const accountId = positionals[0] ? (await findAccount(context, positionals[0])).id : undefined;
  // On a terminal one line is redrawn in place; a pipe or a log file gets plain lines, no terminal escapes.
  const terminal = (context.err as { isTTY?: boolean }).isTTY === true;
  let drawn = false;
  const stopProgress = context.events.on('sync.progress', (p) => {
    if (p.phase === 'folders') return;
    const bytes = p.totalBytes ? ` (${megabytes(p.bytes ?? 0)} of ${megabytes(p.totalBytes)} MB)` : '';
    const line = `${p.phase} ${p.folderPath}: ${p.done}/${p.total}${bytes}`;
    context.err.write(terminal ? `\r${line}\u001b[K` : `${line}\n`);
    drawn = true;
  });
  let outcome: SyncRunResult;
  try {
    outcome = await context.request('sync.run', { accountId, bodies: values.bodies ?? false });
  } finally {
    stopProgress();
  }
  if (terminal && drawn) context.err.write('\r\u001b[K');
  for (const failure of outcome.failures) context.err.write(`${describeFailure(failure, context.json)}\n`);
  for (const line of outcome.summaries.flatMap(syncWarningLines)) context.err.write(`${line}\n`);
  context.print(outcome.summaries, () => outcome.summaries.map(describe));
  return combinedExitCode(outcome.failures.map((failure) => exitCodeFor(failure.error.code)));
}

function describe(summary: SyncSummary): string {
  const waited = summary.waitedForOtherSync ? ' (waited for another sync of this account to finish)' : '';
  return `account ${summary.accountId}: ${summary.folders} folders, ${summary.newMessages} new, ${summary.removedMessages} removed, ${summary.flagUpdates} flag changes, ${summary.bodiesFetched} bodies downloaded${waited}`;
}

/** With --json, one JSON object per line (code and message), so a script can tell the causes apart. */
function describeFailure(failure: SyncFailure, json: boolean): string {
  if (json) return JSON.stringify(failure);
  return [`wren: account ${failure.accountId}: sync failed (${failure.error.code}): ${failure.error.message}`, ...retrustLines(failure)].join('\n');
}

/**
 * A trusted certificate the server replaced (renewed, or someone in the middle): the one it shows
 * now, to compare with what its admin says, and the command that trusts it for this account.
 */
function retrustLines({ accountId, error }: SyncFailure): string[] {
  return certificateLines(error, (flag, fingerprint) =>
    `Only if that is the fingerprint your server's administrator gives you, trust it with:\n  wren account edit ${accountId} ${flag} ${fingerprint}`,
  );
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
