import { EXIT } from './exit-codes';

/**
 * An error nothing caught (a timer's, a stream's, a promise nobody awaited) is a bug in Wren. Node would
 * end the process with code 1, which `wren` documents as "the server refused it" (exit-codes.ts), and
 * print a bare stack. It is said as a bug instead, with its stack for the report, and ends with 70
 * (EX_SOFTWARE), so a script does not take a crash for a refusal.
 */
export function exitOnCrash(
  target: Pick<NodeJS.EventEmitter, 'on'> = process,
  err: Pick<NodeJS.WritableStream, 'write'> = process.stderr,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const crash = (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    err.write(`wren: this is a bug in Wren, it stopped: ${text}\n`);
    exit(EXIT.bug);
  };
  target.on('uncaughtException', crash);
  target.on('unhandledRejection', crash);
}
