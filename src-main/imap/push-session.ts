import type { ImapFlow } from 'imapflow';
import type { WrenError } from '../errors/wren-error';
import { connectionFault, openImap, type ImapLogin } from './imap-connection';
import { toServerError } from './imap-error';

export interface FlagChange {
  uid: number;
  flags: string[];
  modseq: number | null;
}

/** What the server says, unasked, about the folder a push session watches. */
export interface PushSignals {
  /** EXISTS grew: new mail, or a plain EXPUNGE without UIDs (no QRESYNC): the folder needs a sync. */
  onChanged(): void;
  /** QRESYNC: these UIDs are gone; no search of the whole folder is needed to learn it. */
  onVanished(uids: number[]): void;
  /** Another session changed flags (CONDSTORE/QRESYNC FETCH with UID). */
  onFlags(change: FlagChange): void;
  /** The connection ended without being asked to: with the fault that ended it. */
  onClosed(fault: WrenError): void;
}

export interface PushSession {
  client: ImapFlow;
  close(): void;
}

interface ExpungeEvent { uid?: number; vanished?: boolean }
interface FlagsEvent { uid?: number; flags?: Set<string>; modseq?: bigint }

/**
 * A connection of its own that IDLEs on one folder whenever it is free
 * (imapflow's auto-IDLE; QRESYNC enabled) and reports the server's unsolicited
 * news. Commands run on `client` break the IDLE and IDLE resumes after them.
 */
export async function openPushSession(login: ImapLogin, path: string, signals: PushSignals): Promise<PushSession> {
  let closing = false;
  const client = await openImap(login, undefined, true);
  const vanished: number[] = [];
  client.on('exists', () => signals.onChanged());
  client.on('expunge', (event: ExpungeEvent) => {
    if (!event.vanished || !event.uid) return signals.onChanged();
    // VANISHED lists a range one UID per event: gathered, they go out together.
    if (vanished.push(event.uid) === 1) setImmediate(() => signals.onVanished(vanished.splice(0)));
  });
  client.on('flags', (event: FlagsEvent) => {
    if (event.uid && event.flags) signals.onFlags({ uid: event.uid, flags: [...event.flags], modseq: event.modseq !== undefined ? Number(event.modseq) : null });
    else signals.onChanged();
  });
  client.on('close', () => {
    if (closing) return;
    signals.onClosed(connectionFault(client) ?? toServerError(Object.assign(new Error('Connection closed'), { code: 'NoConnection' }), login.server, 'imap'));
  });
  try {
    await client.mailboxOpen(path, { readOnly: true });
  } catch (error) {
    closing = true;
    client.close();
    throw toServerError(error, login.server, 'imap');
  }
  return {
    client,
    close: () => {
      closing = true;
      client.close();
    },
  };
}
