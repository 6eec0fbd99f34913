import { WrenError, toWrenError } from '../errors/wren-error';
import { toLocalFault } from '../errors/local-fault';
import type { ErrorCode } from '../errors/error-codes';

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

/** OpenSSL verification failures that mean "this certificate is not trusted". */
const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

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
  const e = (error ?? {}) as { code?: unknown; message?: string; authenticationFailed?: boolean; tlsFailed?: boolean; responseText?: string; responseStatus?: string };
  const errno = typeof e.code === 'string' ? e.code : undefined;
  const where = `${protocol.toUpperCase()} server ${server.host}:${server.port}`;
  const details = { host: server.host, port: server.port, protocol, cause: errno ?? null };
  if (e.authenticationFailed || /AUTHENTICATIONFAILED|authentication failed|invalid credentials/i.test(e.responseText ?? '')) {
    return new WrenError('AuthFailed', `The ${where} rejected the user name or password.`, details, { cause: error });
  }
  if (errno && TLS_TRUST_CODES.has(errno)) {
    return new WrenError('TlsUntrusted', `The certificate of the ${where} is not trusted (${errno}).`, details, { cause: error });
  }
  const code = errno ? NETWORK_CODES[errno] : undefined;
  if (code) return new WrenError(code, networkMessage(code, where), details, { cause: error });
  if (e.responseText || e.responseStatus) {
    return new WrenError('ServerSaid', `The ${where} answered: ${e.responseText ?? e.responseStatus}`, details, { cause: error });
  }
  // Socket, TLS and IMAP-protocol failures all carry a code (imapflow's own or Node's).
  if (errno || e.tlsFailed) {
    return new WrenError('ConnectionLost', `The connection to the ${where} failed: ${e.message ?? String(error)}`, details, { cause: error });
  }
  return toWrenError(error);
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

/** The server answered the command with NO or BAD: it refused this request, the connection itself is fine. */
export function isServerRefusal(error: unknown): boolean {
  const status = (error as { responseStatus?: string } | null)?.responseStatus;
  return status === 'NO' || status === 'BAD';
}
