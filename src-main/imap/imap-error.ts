import { WrenError, toWrenError } from '../errors/wren-error';
import { toLocalFault } from '../errors/local-fault';
import type { ErrorCode } from '../errors/error-codes';
import { TLS_TRUST_CODES } from '../tls/tls-trust-codes';
import { protocolViolation } from './protocol-violation';

const NETWORK_CODES: Record<string, ErrorCode> = {
  ENOTFOUND: 'HostNotFound',
  EAI_AGAIN: 'HostNotFound',
  EAI_NONAME: 'HostNotFound',
  ECONNREFUSED: 'ConnectionRefused',
  EHOSTUNREACH: 'ConnectionRefused',
  ENETUNREACH: 'ConnectionRefused',
  ETIMEDOUT: 'Timeout',
  ETIMEOUT: 'ServerStalled', // imapflow: nothing arrived for socketTimeout while a command waited
  CONNECT_TIMEOUT: 'Timeout',
  GREETING_TIMEOUT: 'Timeout',
  UPGRADE_TIMEOUT: 'Timeout',
  ECONNRESET: 'ConnectionLost',
  EPIPE: 'ConnectionLost',
  NoConnection: 'ConnectionLost',
  EConnectionClosed: 'ConnectionLost',
  ClosedAfterConnectText: 'ConnectionLost',
  ClosedAfterConnectTLS: 'ConnectionLost',
  StateLogout: 'ConnectionLost',
};

interface ServerLike {
  host: string;
  port: number;
}

/**
 * Names the server in every message so the user sees which setting to check.
 * Only what came from the connection becomes a network fault: a full disk or
 * a read-only folder met while syncing keeps its own code, and an error with
 * no code at all is a bug in Wren (Internal), never "offline".
 */
export function toServerError(error: unknown, server: ServerLike, protocol: string): WrenError {
  if (error instanceof WrenError) return error;
  const local = toLocalFault(error);
  if (local) return local;
  const where = `${protocol.toUpperCase()} server ${server.host}:${server.port}`;
  const libraryFault = imapflowFault(error, where);
  if (libraryFault) return libraryFault;
  const e = (error ?? {}) as { code?: unknown; path?: unknown; message?: string; authenticationFailed?: boolean; tlsFailed?: boolean; responseText?: string; responseStatus?: string };
  const errno = typeof e.code === 'string' ? e.code : undefined;
  const details = { host: server.host, port: server.port, protocol, cause: errno ?? null };
  if (e.authenticationFailed || /AUTHENTICATIONFAILED|authentication failed|invalid credentials/i.test(e.responseText ?? '')) {
    return new WrenError('AuthFailed', `The ${where} rejected the user name or password.`, details, { cause: error });
  }
  if (errno && TLS_TRUST_CODES.has(errno)) {
    return new WrenError('TlsUntrusted', `The certificate of the ${where} is not trusted (${errno}).`, details, { cause: error });
  }
  const code = errno ? NETWORK_CODES[errno] : undefined;
  if (code) return new WrenError(code, networkMessage(code, where), details, { cause: error });
  if (errno === 'LockTimeout') {
    return new WrenError('MailboxLockTimeout', `Another command on the connection to the ${where} held the folder too long.`, details, { cause: error });
  }
  const refusal = refusalOf(error, where, details);
  if (refusal) return refusal;
  // A line the parser cannot read is the server's doing, not the network's: never "offline".
  const violation = protocolViolation(error, where, details);
  if (violation) return violation;
  // Socket and TLS failures all carry a code (imapflow's own or Node's); so do the database, whose errors
  // other than the local faults above (a broken constraint) are Wren's bugs, not the line's, and the file
  // system, whose error names its path (a blob folder removed by hand: ENOENT), where a socket's never does.
  if ((errno && !errno.startsWith('SQLITE_') && typeof e.path !== 'string') || e.tlsFailed) {
    return new WrenError('ConnectionLost', `The connection to the ${where} failed: ${e.message ?? String(error)}`, details, { cause: error });
  }
  return toWrenError(error);
}

/**
 * imapflow's own faults carry a code like a network error's, yet the network
 * carried the line intact: its parser failed unexpectedly (ParserErrorInternal),
 * or handling a parsed answer threw (ResponseProcessingFailed, with what was
 * thrown in `_err`). What Wren itself raised in there keeps its own code (a full
 * disk); anything else is a bug, Internal and logged with its stack, never
 * "offline". Null for any other error.
 */
function imapflowFault(error: unknown, where: string): WrenError | null {
  const e = (error ?? {}) as { code?: unknown; message?: string; _err?: unknown };
  if (e.code !== 'ParserErrorInternal' && e.code !== 'ResponseProcessingFailed') return null;
  const inner = e._err;
  if (e.code === 'ResponseProcessingFailed' && inner !== undefined) {
    if (inner instanceof WrenError) return inner;
    const local = toLocalFault(inner);
    if (local) return local;
  }
  console.error(`[wren] imapflow failed on an answer of the ${where}:`, inner instanceof Error ? (inner.stack ?? inner.message) : (e.message ?? error));
  return new WrenError('Internal', `${e.message ?? String(e.code)} (${where})`, undefined, { cause: error });
}

function networkMessage(code: ErrorCode, where: string): string {
  switch (code) {
    case 'HostNotFound': return `The ${where} could not be found: check the host name.`;
    case 'ConnectionRefused': return `Nothing answers at the ${where}: it may be down, or (for a new account) the port or security setting may be wrong.`;
    case 'Timeout': return `The ${where} did not answer in time.`;
    case 'ServerStalled': return `The ${where} stopped answering in the middle of a transfer.`;
    default: return `The connection to the ${where} was lost.`;
  }
}

interface Refusal {
  code?: unknown;
  responseStatus?: string;
  responseText?: string;
  serverResponseCode?: string;
  throttleReset?: number;
  response?: unknown;
}

/**
 * Servers' words for "slow down": Microsoft 365 answers "Request is throttled.
 * Suggested Backoff Time: N milliseconds" (imapflow: ETHROTTLE), Gmail puts
 * [THROTTLED] on its answers and refuses with "Account exceeded command or
 * bandwidth limits".
 */
const THROTTLE_WORDS = /request is throttled|exceeded command or bandwidth limits|too many (?:requests|commands)/i;
const THROTTLE_CODES = new Set(['THROTTLED']);
/** RFC 5530 UNAVAILABLE: a subsystem of the server is down for now; the same request is worth trying later, not failing. */
const TEMPORARY_CODES = new Set(['UNAVAILABLE']);
/** RFC 5530 NOPERM, and READ-ONLY on a refused change: the account may read this folder, not change it. */
const READ_ONLY_CODES = new Set(['NOPERM', 'READ-ONLY']);

/**
 * A tagged NO or BAD (or imapflow's ETHROTTLE) as a coded error with the
 * server's own words in `details.serverText`; null for anything else.
 * Throttling is not a refusal of the request: it is worth the same request
 * later, and the journal keeps it.
 */
export function refusalOf(error: unknown, where = 'server', baseDetails: Record<string, unknown> = {}): WrenError | null {
  const e = (error ?? {}) as Refusal;
  const wrapped = (e.response ?? null) as Refusal | null;
  const status = e.responseStatus ?? wrapped?.responseStatus;
  if (e.code !== 'ETHROTTLE' && status !== 'NO' && status !== 'BAD') return null;
  const text = e.responseText ?? wrapped?.responseText ?? (typeof e.response === 'string' ? e.response : status ?? '');
  const responseCode = e.serverResponseCode ?? statusCodeOf(e.response) ?? '';
  const details = { ...baseDetails, serverText: text, ...(responseCode && { responseCode }) };
  if (e.code === 'ETHROTTLE' || THROTTLE_CODES.has(responseCode) || THROTTLE_WORDS.test(text)) {
    return new WrenError('ServerThrottled', `The ${where} asks Wren to slow down: ${text}`, { ...details, ...(e.throttleReset && { retryAfterMs: e.throttleReset }) }, { cause: error });
  }
  if (TEMPORARY_CODES.has(responseCode)) {
    return new WrenError('ServerTemporary', `The ${where} has a temporary problem: ${text}`, details, { cause: error });
  }
  if (responseCode === 'OVERQUOTA') {
    // Not retried: the same request fails until the user frees space, so they are told so in their words, not the server's.
    return new WrenError('ServerOverQuota', `The ${where} has no room left for this account: ${text}`, details, { cause: error });
  }
  if (READ_ONLY_CODES.has(responseCode)) {
    return new WrenError('FolderReadOnly', `The ${where} does not allow changes here: ${text}`, details, { cause: error });
  }
  return new WrenError('ServerSaid', `The ${where} answered: ${text}`, details, { cause: error });
}

/** The response code ([NOPERM], [THROTTLED]…) of a tagged answer imapflow left unparsed (FETCH, SELECT's own error). */
function statusCodeOf(response: unknown): string | null {
  const section = (response as { attributes?: { section?: { value?: unknown }[] }[] } | null)?.attributes?.[0]?.section;
  const value = section?.[0]?.value;
  return typeof value === 'string' ? value.toUpperCase() : null;
}

/** Answers that ask for the same request later (throttling, a subsystem down): not refusals, the journal keeps them. */
export const RETRY_LATER_CODES: ReadonlySet<string> = new Set(['ServerThrottled', 'ServerTemporary']);

/** The server answered the command with NO or BAD: it refused this request, the connection itself is fine. Throttling is not a refusal. */
export function isServerRefusal(error: unknown): boolean {
  const refusal = refusalOf(error);
  return refusal !== null && !RETRY_LATER_CODES.has(refusal.code);
}
