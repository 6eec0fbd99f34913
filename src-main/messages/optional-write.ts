import { toLocalFault } from '../errors/local-fault';
import { codedWarning } from '../errors/warning-codes';

/**
 * Reading a message writes as a courtesy (the parsed body into the cache,
 * the \Seen flag) but must not depend on it: with the disk full or the data
 * folder read-only the message still opens. These turn such a local fault
 * into a coded warning for the view (wren:DiskFull…); any other failure is
 * a bug and stays one.
 */
export function tryOptionalWrite(write: () => void): string | null {
  try {
    write();
    return null;
  } catch (error) {
    const fault = toLocalFault(error);
    if (!fault) throw error;
    return codedWarning(fault.code);
  }
}

/**
 * The same for a write that runs in a promise nobody waits for (setFlags,
 * whose server push may take long). Its local write runs before its first
 * await, so a failed one has already rejected and is reported here; a later
 * rejection is logged, never left unhandled.
 */
export async function optionalWriteStarted(pending: Promise<unknown>, what: string): Promise<string | null> {
  let warning: string | null = null;
  pending.catch((error: unknown) => {
    const fault = toLocalFault(error);
    if (fault) warning = codedWarning(fault.code);
    else console.error(`[messages] ${what} failed:`, error);
  });
  // Handlers of a promise that has already rejected run before this await resumes.
  await Promise.resolve();
  return warning;
}
