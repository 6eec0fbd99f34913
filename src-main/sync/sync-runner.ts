import type { Events, SyncSummary } from '../ipc/contract';
import type { ImapLogin } from '../imap/imap-connection';
import type { WrenError } from '../errors/wren-error';

/** One account sync to run: the login travels with it, so a worker needs no access to the vault. */
export interface SyncJob {
  accountId: number;
  bodies: boolean;
  /** With bodies: only messages dated from then on (epoch ms), the "last N days" policy; none: all. */
  bodiesSince?: number;
  /**
   * Only sends the operations journal (a change the user just made), without
   * the folder pass; a refused entry still gets the folder pass, which brings
   * the cache back to the server's truth.
   */
  replayOnly?: boolean;
  login: ImapLogin;
}

export type ProgressListener = (progress: Events['sync.progress']) => void;

/**
 * Where account syncs execute: in this thread (CLI under test, small tools)
 * or in a worker thread, so that parsing thousands of IMAP responses never
 * freezes the window (see sync-worker.ts).
 */
export interface SyncRunner {
  run(job: SyncJob, onProgress: ProgressListener): Promise<SyncSummary>;
  /** Closes the account's sync connection: the account was removed, or a test cuts the line. */
  dropConnection(accountId: number): void;
  /**
   * Keeps push (IDLE) on the account's Inbox, which must have been synced;
   * a second call for a watched account changes nothing. `onLost` is told
   * once, when that connection ends or cannot be opened; watching then stops.
   */
  watch(job: SyncJob, onLost: (fault: WrenError) => void): void;
  unwatch(accountId: number): void;
  close(): Promise<void>;
}
