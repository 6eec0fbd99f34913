import { WrenError } from '../errors/wren-error';
import { toLocalFault } from '../errors/local-fault';
import { toServerError } from '../imap/imap-error';
import type { ServerSettings } from '../ipc/contract';

interface NodemailerFault {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  /** Which of nodemailer's timeouts an ETIMEDOUT was (GREETING_TIMEOUT, SOCKET_TIMEOUT, …). */
  timeoutType?: string;
  rejected?: string[];
  message?: string;
}

/**
 * A nodemailer failure as a WrenError. The server's own words travel in
 * `details.response`: a 5xx is `SmtpRejected` (final: the message stays in
 * the outbox, failed), a 4xx `SmtpDeferred` (retried with backoff), a wrong
 * password `AuthFailed` (as for IMAP); network and TLS faults get the same
 * codes as IMAP's (through the system error nodemailer keeps as originalCode).
 */
export function toSmtpError(error: unknown, server: ServerSettings): WrenError {
  if (error instanceof WrenError) return error;
  const local = toLocalFault(error);
  if (local) return local;
  const e = (error ?? {}) as NodemailerFault;
  const where = `SMTP server ${server.host}:${server.port}`;
  const base = { host: server.host, port: server.port, protocol: 'smtp' };
  if (e.code === 'EAUTH') {
    return new WrenError('AuthFailed', `The ${where} rejected the user name or password.`, { ...base, response: e.response ?? null, cause: 'EAUTH' }, { cause: error });
  }
  if (e.responseCode && e.responseCode >= 400 && e.responseCode !== 421 && e.code !== 'ECONNECTION') {
    const details = { ...base, response: e.response ?? e.message ?? '', responseCode: e.responseCode, command: e.command ?? null, rejected: e.rejected ?? [] };
    return e.responseCode >= 500
      ? new WrenError('SmtpRejected', `The ${where} refused the message: ${details.response}`, details, { cause: error })
      : new WrenError('SmtpDeferred', `The ${where} cannot take the message now: ${details.response}`, details, { cause: error });
  }
  // Node's own code (ECONNREFUSED, a certificate failure) says more than nodemailer's ESOCKET or ETLS; a greeting
  // that never came (a plain client on a port that waits for TLS first) is named as imapflow names it.
  const greetingNeverCame = e.code === 'ETIMEDOUT' && e.timeoutType === 'GREETING_TIMEOUT';
  const systemCode = greetingNeverCame ? 'GREETING_TIMEOUT' : (e.originalCode ?? (e.code && !/^E(CONNECTION|SOCKET|TLS|PROTOCOL|DNS)$/.test(e.code) ? e.code : undefined));
  const mapped = toServerError(Object.assign(new Error(e.message ?? String(error)), { code: systemCode ?? 'ECONNRESET' }), server, 'smtp');
  return new WrenError(mapped.code, mapped.message, { ...mapped.details, response: e.response ?? null }, { cause: error });
}

/** Worth trying again later: the network, a 4xx, a server that closed the line (421). */
export function isTemporary(error: WrenError): boolean {
  return ['SmtpDeferred', 'ConnectionLost', 'Timeout', 'HostNotFound', 'ConnectionRefused', 'ServerStalled', 'Offline', 'WorkingOffline'].includes(error.code);
}
