import type { AccountStatus } from '../accounts/account-status';
import type { ErrorCode } from '../errors/error-codes';
import { isOfflineFault, type WrenError } from '../errors/wren-error';

const RETRY_DELAYS_MS = [15_000, 30_000, 60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000];
/** A database held by another Wren is let go soon; worth one slow retry per failure, unlike a full disk. */
const BUSY_RETRY_MS = 2 * 60_000;
/**
 * Faults of a server that is there but says "not now": retried on a timer, like offline ones. So is a sync
 * worker that died (out of memory, a bug): the next sync starts a new one, and without a retry the account's
 * mail stopped arriving until Wren restarted; the backoff keeps a worker that keeps dying from looping.
 */
export const PATIENCE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['ServerThrottled', 'ServerTemporary', 'MailboxLockTimeout', 'Pop3InUse', 'Pop3LoginDelay', 'SyncWorkerStopped']);

export interface FailureOutcome {
  /** The account's status after the failure (retryAt set from `now` when a retry is scheduled). */
  status: AccountStatus;
  /** When to sync again, or null for no retry on a timer. */
  retryInMs: number | null;
  /** Whether this failure counts towards the backoff (a quick success resets the count). */
  backsOff: boolean;
}

/**
 * What a failed sync leads to. Only faults that come and go with the network mean offline; a busy
 * database and a server asking for patience are retried on a timer too; a full disk, a read-only
 * folder, a refused login, a server that broke its protocol (garbage for an answer: the same server
 * says the same again) or a bug are not (retrying on a timer would not help). `retries`: the
 * account is synced in the background (the CLI syncs only when asked, except an account it watches).
 * `attempt`: failures in a row before this one.
 */
export function failureOutcome(fault: WrenError, attempt: number, retries: boolean, now = Date.now()): FailureOutcome {
  const backoff = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
  const error = fault.toShape();
  // The user's choice, not a fault: no retry until they go online again (which syncs every account).
  if (fault.code === 'WorkingOffline') return { status: { state: 'offline', error, retryAt: null }, retryInMs: null, backsOff: false };
  if (isOfflineFault(fault)) {
    return { status: { state: 'offline', error, retryAt: retries ? now + backoff : null }, retryInMs: retries ? backoff : null, backsOff: true };
  }
  if (fault.code === 'DatabaseBusy' && retries) {
    return { status: { state: 'error', error, retryAt: now + BUSY_RETRY_MS }, retryInMs: BUSY_RETRY_MS, backsOff: false };
  }
  if (PATIENCE_CODES.has(fault.code) && retries) {
    // The same backoff as offline, or longer if the server said how long.
    const delay = Math.max(Number(fault.details?.retryAfterMs) || 0, backoff);
    return { status: { state: 'error', error, retryAt: now + delay }, retryInMs: delay, backsOff: true };
  }
  return { status: { state: 'error', error, retryAt: null }, retryInMs: null, backsOff: false };
}
