import type { WrenCore } from '../app/wren-core';
import { EXIT } from './exit-codes';

/**
 * Ctrl-C (SIGINT) or SIGTERM while a command runs: the sync stops cleanly,
 * recording what has arrived, and the command ends with code 130. A second
 * signal ends the process at once. Returns the exit code to use: the
 * command's own, or 130 once a signal came.
 */
export function stopOnSignal(core: WrenCore, err: NodeJS.WritableStream = process.stderr): (code: number) => number {
  let signalled = false;
  const onSignal = () => {
    if (signalled) process.exit(EXIT.interrupted);
    signalled = true;
    err.write('\nwren: stopping; what has arrived is kept (press Ctrl-C again to quit at once)\n');
    void core.sync.stop();
    // Any other command waiting on the server gives up too.
    core.sessions.closeAll();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return (code) => (signalled ? EXIT.interrupted : code);
}
