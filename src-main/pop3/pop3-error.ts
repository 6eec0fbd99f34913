import type { ErrorCode } from '../errors/error-codes';
import { serverLineExcerpt } from '../errors/server-line-excerpt';
import { WrenError } from '../errors/wren-error';
import { toServerError } from '../imap/imap-error';
import type { StatusLine } from './status-line';

export interface ServerAddress {
  host: string;
  port: number;
}

/** A POP3 server refused a command: the connection itself is fine. `serverText` is its answer, for logs. */
export class Pop3Error extends WrenError {
  readonly serverText: string;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown>, serverText: string) {
    super(code, message, details);
    this.name = 'Pop3Error';
    this.serverText = serverText;
  }
}

/** RFC 2449 response codes (RFC 3206 for SYS/* and AUTH) that tell the user something they can act on. */
const RESPONSE_CODES: Record<string, ErrorCode> = {
  'IN-USE': 'Pop3InUse',
  'LOGIN-DELAY': 'Pop3LoginDelay',
  'SYS/TEMP': 'ServerTemporary',
  AUTH: 'AuthFailed',
};

function where(server: ServerAddress): string {
  return `POP3 server ${server.host}:${server.port}`;
}

/**
 * The typed error for a -ERR answer. `command` is the verb only (never its
 * arguments: PASS carries the password). A refusal without a response code
 * is `fallback`: AuthFailed for a login, ServerSaid otherwise.
 */
export function refusal(status: StatusLine, command: string, server: ServerAddress, fallback: ErrorCode = 'ServerSaid'): Pop3Error {
  // A response code we do not map (SYS/PERM, …) names a reason that is not the fallback's.
  const code = status.code ? (RESPONSE_CODES[status.code] ?? 'ServerSaid') : fallback;
  const answer = `-ERR${status.code ? ` [${status.code}]` : ''} ${status.text}`.trimEnd();
  const details = { host: server.host, port: server.port, protocol: 'pop3', command, responseCode: status.code };
  return new Pop3Error(code, `${messageFor(code, server)} (${command}: ${answer})`, details, answer);
}

function messageFor(code: ErrorCode, server: ServerAddress): string {
  switch (code) {
    case 'AuthFailed': return `The ${where(server)} rejected the user name or password.`;
    case 'Pop3InUse': return `The ${where(server)} says another session holds the mailbox.`;
    case 'Pop3LoginDelay': return `The ${where(server)} says it is too soon to log in again.`;
    case 'ServerTemporary': return `The ${where(server)} has a temporary problem.`;
    case 'Pop3NoUidl': return `The ${where(server)} does not support UIDL, so downloaded messages cannot be told apart from new ones.`;
    default: return `The ${where(server)} refused the command.`;
  }
}

/**
 * The server said something that is not POP3 where an answer was due (`line`, when one line is to blame:
 * kept trimmed in details.serverText for the user). The server's fault or the wrong port, not the
 * network's: never "offline", and not retried on a timer, as the same server would say the same.
 */
export function protocolError(server: ServerAddress, what: string, line?: Buffer | string): WrenError {
  const serverText = line === undefined ? undefined : serverLineExcerpt(line);
  const details = { host: server.host, port: server.port, protocol: 'pop3', ...(serverText !== undefined && { serverText }) };
  const said = serverText === undefined ? '' : `: ${serverText}`;
  return new WrenError('ServerProtocolError', `The ${where(server)} broke the POP3 protocol: ${what}${said}`, details);
}

/** Network and TLS faults are classified exactly as for IMAP. */
export function connectionFault(error: unknown, server: ServerAddress): WrenError {
  return toServerError(error, server, 'pop3');
}

/** An error carrying one of the network codes the shared classifier knows. */
export function codedError(code: 'EConnectionClosed' | 'ETIMEOUT' | 'CONNECT_TIMEOUT', message: string): Error {
  return Object.assign(new Error(message), { code });
}
