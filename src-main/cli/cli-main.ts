/**
 * The `wren` command's entry (bin/wren.cjs). It loads little by itself: for `wren sync` the sync worker
 * starts first and loads its bundle on the other core while this thread loads the rest of the CLI
 * (cli-run.ts: the core, the contract and its schemas, every command), instead of one after the other.
 */
import { splitGlobals } from './cli-globals';
import { exitWhenWritten, quietWhenReaderLeaves } from './exit-when-written';
import { exitOnCrash } from './exit-on-crash';
import { startSyncWorkerEarly } from '../sync/early-sync-worker';
import { defaultSyncWorkerPath } from '../sync/worker-sync-runner';

/** `wren sync` needs the sync worker at once; a bad command line is left for cli-run to report. */
function startWorkerFor(argv: string[]): void {
  try {
    const { dataDir, rest } = splitGlobals(argv);
    const workerPath = rest[0] === 'sync' ? defaultSyncWorkerPath() : null;
    if (workerPath) startSyncWorkerEarly(workerPath, dataDir);
  } catch {
    // cli-run parses the same arguments and says what is wrong with them
  }
}

/** The process entry: runs the command, then exits once its output is written. */
export async function runCli(argv: string[]): Promise<never> {
  exitOnCrash();
  quietWhenReaderLeaves(process.stdout);
  startWorkerFor(argv);
  const { main } = await import('./cli-run');
  return exitWhenWritten(await main(argv));
}

if (require.main === module) void runCli(process.argv.slice(2));
