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
}

/**
 * Runs `work` with `path` selected, holding imapflow's mailbox lock so no
 * other command of this connection selects another folder meanwhile. The
 * state is copied at selection: imapflow raises mailbox.highestModseq with
 * every MODSEQ it sees later, also other sessions' changes reported during
 * our FETCHes, and a CHANGEDSINCE from that value would skip exactly those.
 */
export async function withFolder<T>(
  client: ImapClient, path: string, work: (folder: SelectedFolder) => Promise<T>, options: { readOnly?: boolean } = {},
): Promise<T> {
  const lock = await client.getMailboxLock(path, { readOnly: options.readOnly ?? false });
  try {
    return await work(selectedFolder(client.mailbox as MailboxObject));
  } finally {
    lock.release();
  }
}

function selectedFolder(mailbox: MailboxObject): SelectedFolder {
  const condstore = mailbox.highestModseq !== undefined && !mailbox.noModseq;
  return {
    path: mailbox.path,
    uidValidity: Number(mailbox.uidValidity),
    uidNext: mailbox.uidNext ?? null,
    exists: mailbox.exists,
    highestModseq: condstore ? Number(mailbox.highestModseq) : null,
  };
}
