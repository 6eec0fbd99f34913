import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { WrenError } from '../errors/wren-error';
import type { ServerSettings } from '../ipc/contract';
import { tlsOptionsFor, type PinnedCertificate } from '../tls/trust-options';
import { nodemailer } from '../system/first-use-packages';

export interface SmtpLogin {
  server: ServerSettings;
  password: string;
  /** OAuth2 accounts: nodemailer's XOAUTH2 with this token instead of the password. */
  accessToken?: string;
  allowPlaintext: boolean;
  pin: PinnedCertificate | null;
  /** Tests shorten these. */
  timeouts?: { connectMs?: number; socketMs?: number };
}

export type SmtpTransport = Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

/**
 * nodemailer's pooled transport for one account: one persistent connection,
 * so a batch of queued messages goes over it one after another. 465 is TLS
 * from the first byte, 587 STARTTLS (required: never fall back to plain
 * text), "none" only when the user allowed plain text; certificates are
 * verified, with the account's pinned one as for IMAP. nodemailer's own
 * requeue on a dropped connection is off: a retry is the outbox's decision.
 */
export function createSmtpTransport(login: SmtpLogin): SmtpTransport {
  const { server } = login;
  if (server.security === 'none' && !login.allowPlaintext) {
    throw new WrenError('PlaintextNotAllowed', `Connecting to ${server.host} without encryption would send the password in plain text; allow it explicitly or choose TLS/STARTTLS.`, { host: server.host });
  }
  const connectMs = login.timeouts?.connectMs ?? 15_000;
  return nodemailer().createTransport({
    pool: true,
    maxConnections: 1,
    maxMessages: Infinity,
    maxRequeues: 0,
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: login.accessToken ? { type: 'OAuth2', user: server.user, accessToken: login.accessToken } : { user: server.user, pass: login.password },
    tls: tlsOptionsFor(server.host, login.pin),
    connectionTimeout: connectMs,
    greetingTimeout: connectMs,
    socketTimeout: login.timeouts?.socketMs ?? 120_000,
    logger: false,
    name: 'wren.localhost',
  } as SMTPPool.Options);
}
