import type { ImapFlow, ImapFlowOptions } from 'imapflow';
import { isProtocolViolation } from './protocol-violation';

/**
 * imapflow answers a refused STORE, COPY, MOVE or EXPUNGE with `false` and
 * only logs the server's NO (its words, its [CODE], or ETHROTTLE): a refusal
 * would pass for "nothing to do" and the journal would mark the change done.
 * The log is where the refusal is, so each connection's logger keeps its
 * last one for `orRefusal` to throw.
 */
const lastRefusal = new WeakMap<ImapFlow, RecordedRefusal>();

interface RecordedRefusal {
  responseStatus?: string;
  code?: string;
  executedCommand?: string;
  responseText?: string;
  serverResponseCode?: string;
}

/** imapflow's warning when a STORE drops flags the folder's PERMANENTFLAGS do not list. */
interface DroppedFlagsEntry {
  msg?: string;
  dropped?: string[];
}

/**
 * A system flag the folder will not keep means the folder cannot be changed
 * here (PERMANENTFLAGS without it): a refusal, as a READ-ONLY folder's. A
 * keyword it does not keep ($Forwarded on a server without keywords) is
 * only kept here, as Thunderbird does: no refusal.
 */
function droppedSystemFlags(entry: DroppedFlagsEntry): RecordedRefusal | null {
  const system = (entry.dropped ?? []).filter((flag) => flag.startsWith('\\'));
  if (!entry.msg?.startsWith('Dropped flags') || system.length === 0) return null;
  return { responseStatus: 'NO', serverResponseCode: 'READ-ONLY', responseText: `PERMANENTFLAGS without ${system.join(' ')}`, executedCommand: 'UID STORE' };
}

const ignore = () => undefined;

/**
 * imapflow's `logger` for a connection: silent, but it keeps the connection's
 * last refused command. `isLevelEnabled` tells imapflow that only warnings are
 * read: without it imapflow serializes every FETCH response for a trace entry
 * that is thrown away (a fifth of a 10,000-message header sync's time).
 */
export function refusalLogger(owner: () => ImapFlow | undefined): Exclude<ImapFlowOptions['logger'], false | undefined> {
  // imapflow reads isLevelEnabled from a pino-like logger; its Logger type does not list it.
  const logger = {
    trace: ignore,
    debug: ignore,
    info: ignore,
    error: ignore,
    isLevelEnabled: (level: string) => level === 'warn',
    warn: (entry: { err?: RecordedRefusal } & DroppedFlagsEntry) => {
      const err = entry?.err ?? (entry && droppedSystemFlags(entry));
      const client = owner();
      const refused = err && (err.responseStatus === 'NO' || err.responseStatus === 'BAD' || err.code === 'ETHROTTLE');
      if (client && err && (refused || isProtocolViolation(err))) lastRefusal.set(client, err);
    },
  };
  return logger;
}

/**
 * Runs one imapflow command that reports a refusal as `false`; throws the
 * server's refusal (for toServerError / refusalOf to name) when it was one,
 * and a lost connection when the line dropped under it: the server may or may
 * not have done it, so the journal entry must stay for the next replay, never
 * be failed as refused (nor passed as done).
 */
export async function orRefusal<T>(client: ImapFlow, commands: string[], run: () => Promise<T | false>): Promise<T | false> {
  lastRefusal.delete(client);
  const result = await run();
  const refusal = lastRefusal.get(client);
  lastRefusal.delete(client);
  const sent = ` ${(refusal?.executedCommand ?? '').toUpperCase()} `;
  if (result === false && refusal && commands.some((command) => sent.includes(` ${command} `))) throw refusal;
  // An answer the parser could not read names no command (imapflow keeps only its error): any one logged
  // during this command's run was its answer, as only one command is on the wire at a time.
  if (result === false && refusal && isProtocolViolation(refusal)) throw refusal;
  if (result === false && !client.usable) throw Object.assign(new Error('The connection dropped during the command'), { code: 'NoConnection' });
  return result;
}
