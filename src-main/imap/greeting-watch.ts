import type { ImapFlowOptions } from 'imapflow';
import { serverLineExcerpt } from '../errors/server-line-excerpt';
import { WrenError } from '../errors/wren-error';

type Logger = Exclude<ImapFlowOptions['logger'], false | undefined>;

interface LogEntry {
  msg?: unknown;
  src?: unknown;
  tag?: unknown;
}

export interface GreetingWatch {
  /** imapflow's logger, passing every entry on to `inner`. */
  logger: Logger;
  /**
   * A connect that ended without a greeting while the server did send something, and not IMAP (a
   * POP3 "+OK", an SMTP "220", an HTTP or TLS answer: another kind of server on the port), as
   * ServerProtocolError with what it sent; null otherwise (nothing came: a timeout).
   */
  notImap(error: unknown, server: { host: string; port: number }): WrenError | null;
}

/** The connection as the watch needs it: whether the greeting came (imapflow's own flag), and a way to end it. */
interface Greeted {
  greetingReceived?: boolean;
  close(): void;
}

/**
 * imapflow waits out its greeting timeout on anything that is no IMAP greeting and then only says
 * GREETING_TIMEOUT ("did not answer in time": offline). What the server did send is in its log: a
 * line its parser could not read is logged whole (src 's'), a line that parses as a tagged answer
 * ("+OK POP3 ready", "HTTP/1.1 400") names only its tag. The first such is kept, and when it came
 * before any greeting, the connection is closed at once (`client`): waiting out the timeout (15 s)
 * for a greeting from a POP3, SMTP or SSH server only delays the same answer.
 */
export function watchGreeting(inner: Logger, client: () => Greeted | undefined = () => undefined): GreetingWatch {
  let first: string | null = null;
  let cutShort = false;
  const note = (text: unknown) => {
    if (first !== null || typeof text !== 'string' || text === '') return;
    first = text;
    // Not inside imapflow's parse: a valid greeting in the same chunk has been read by then.
    setImmediate(() => {
      const connection = client();
      if (!connection || connection.greetingReceived) return;
      cutShort = true;
      connection.close();
    });
  };
  const logger: Logger = {
    ...inner,
    warn: (entry: LogEntry) => {
      if (entry?.msg === 'Tagged response for an unknown tag') note(entry.tag);
      inner.warn(entry);
    },
    error: (entry: LogEntry) => {
      if (entry?.src === 's') note(entry.msg);
      inner.error(entry);
    },
  };
  return {
    logger,
    notImap: (error, server) => {
      const timedOut = (error as { code?: unknown } | null)?.code === 'GREETING_TIMEOUT';
      if (first === null || (!timedOut && !cutShort)) return null;
      const serverText = serverLineExcerpt(first);
      const message = `The IMAP server ${server.host}:${server.port} answered with something that is not an IMAP greeting: ${serverText}`;
      const cause = cutShort ? 'NOT_IMAP_GREETING' : 'GREETING_TIMEOUT';
      return new WrenError('ServerProtocolError', message, { host: server.host, port: server.port, protocol: 'imap', cause, serverText }, { cause: error });
    },
  };
}
