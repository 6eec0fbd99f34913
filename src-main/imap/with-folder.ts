import type { MailboxObject } from 'imapflow';
import type { ImapClient } from './imap-client';

/** A selected folder's state as SELECT/EXAMINE reported it, taken before any command runs in it. */
export interface SelectedFolder {
  path: string;
  uidValidity: number;
  uidNext: number | null;
  exists: number;
  /** null when the server has no CONDSTORE for this folder. */
  highestModseq: number | null;
  /**
   * With QRESYNC (asked for by `since` and accepted): the UIDs expunged since
   * that state, as the server's VANISHED (EARLIER) said. null without QRESYNC.
   */
  vanished: number[] | null;
  /** The server opened it READ-ONLY although Wren asked to change it (an ACL, a shared folder): no change will be taken. */
  readOnly: boolean;
}

/** The folder state of the last complete sync, for SELECT (QRESYNC (uidvalidity modseq)). */
export interface KnownState {
  uidValidity: number;
  modseq: number;
}

interface ExpungeEvent { path?: string; uid?: number; vanished?: boolean }

/**
 * A command waiting for the folder behind another of the same connection gives
 * up after this (imapflow's LockTimeout, MailboxLockTimeout to the user)
 * rather than hang behind a stuck one; long enough for a large download.
 */
const LOCK_WAIT_MS = 5 * 60_000;

/**
 * Selections (imapflow makes a new mailbox object at each SELECT) some work
 * already ran in. Checked once the lock is held: a command queued while
 * another folder was selected can find its own selected by the command
 * before it, whose view is as old as that command's work.
 */
const workedIn = new WeakSet<object>();

function staleSelection(client: ImapClient, wasSelected: boolean): boolean {
  return wasSelected || (client.mailbox !== false && workedIn.has(client.mailbox));
}

/**
 * Runs `work` with `path` selected, holding imapflow's mailbox lock so no
 * other command of this connection selects another folder meanwhile. The
 * state is copied at selection: imapflow raises mailbox.highestModseq with
 * every MODSEQ it sees later, also other sessions' changes reported during
 * our FETCHes, and a CHANGEDSINCE from that value would skip exactly those.
 */
export async function withFolder<T>(
  client: ImapClient, path: string, work: (folder: SelectedFolder) => Promise<T>, options: { readOnly?: boolean; since?: KnownState } = {},
): Promise<T> {
  const readOnly = options.readOnly ?? false;
  const qresync = options.since && client.enabled.has('QRESYNC') ? { changedSince: BigInt(options.since.modseq), uidValidity: BigInt(options.since.uidValidity) } : null;
  const vanished: number[] = [];
  const onExpunge = (event: ExpungeEvent) => {
    if (event.vanished && event.uid && event.path === path) vanished.push(event.uid);
  };
  const alreadySelected = client.mailbox && client.mailbox.path === path;
  let lock;
  if (qresync) {
    client.on('expunge', onExpunge);
    try {
      lock = await client.getMailboxLock(path, { readOnly, acquireTimeout: LOCK_WAIT_MS, ...qresync });
      // Still selected from before: no SELECT ran, so none with QRESYNC either; select again.
      if (staleSelection(client, alreadySelected)) await client.mailboxOpen(path, { readOnly, ...qresync });
    } finally {
      client.off('expunge', onExpunge);
    }
  } else {
    lock = await client.getMailboxLock(path, { readOnly, acquireTimeout: LOCK_WAIT_MS });
    // Still selected from before: the server tells this session of mail other sessions added only at a
    // sync point, and until then answers UID SEARCH and FETCH without it (a draft appended a moment ago by
    // another connection looked gone to the journal). NOOP is that sync point.
    if (staleSelection(client, alreadySelected)) await syncView(client, lock);
  }
  try {
    const mailbox = client.mailbox as MailboxObject & { qresync?: boolean };
    workedIn.add(mailbox);
    return await work({ ...selectedFolder(mailbox), vanished: qresync && mailbox.qresync ? vanished : null });
  } finally {
    lock.release();
  }
}

async function syncView(client: ImapClient, lock: { release(): void }): Promise<void> {
  try {
    await client.noop();
  } catch (error) {
    lock.release();
    throw error;
  }
}

function selectedFolder(mailbox: MailboxObject): Omit<SelectedFolder, 'vanished'> {
  const readOnly = mailbox.readOnly === true;
  const condstore = mailbox.highestModseq !== undefined && !mailbox.noModseq;
  return {
    path: mailbox.path,
    uidValidity: Number(mailbox.uidValidity),
    uidNext: mailbox.uidNext ?? null,
    exists: mailbox.exists,
    highestModseq: condstore ? Number(mailbox.highestModseq) : null,
    readOnly,
  };
}
