import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { WrenError } from '../errors/wren-error';
import type { ServerSettings } from '../ipc/contract';
import { tlsOptionsFor, type PinnedCertificate } from '../tls/trust-options';
import { toServerError } from './imap-error';

export interface ImapLogin {
  server: ServerSettings;
  password: string;
  allowPlaintext: boolean;
  pin: PinnedCertificate | null;
  timeouts?: { connectMs?: number; socketMs?: number };
}

/** imapflow options for an account: TLS verified, STARTTLS required when chosen, plain text only when allowed. */
export function imapOptions(login: ImapLogin): ImapFlowOptions {
  const { server } = login;
  if (server.security === 'none' && !login.allowPlaintext) {
    throw new WrenError('PlaintextNotAllowed', `Connecting to ${server.host} without encryption would send the password in plain text; allow it explicitly or choose TLS/STARTTLS.`, { host: server.host });
  }
  const connectMs = login.timeouts?.connectMs ?? 15_000;
  return {
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined,
    auth: { user: server.user, pass: login.password },
    tls: tlsOptionsFor(server.host, login.pin),
    logger: false,
    connectionTimeout: connectMs,
    greetingTimeout: connectMs,
    socketTimeout: login.timeouts?.socketMs ?? 5 * 60_000,
    disableAutoIdle: true,
    qresync: false,
    clientInfo: { name: 'Wren' },
  };
}

/**
 * Connects and logs in; every failure becomes a WrenError naming the server.
 * The 'error' listener is attached before connecting: imapflow emits socket
 * errors as events, and an unheard one would crash the process.
 */
export async function openImap(login: ImapLogin, onError?: (error: WrenError) => void): Promise<ImapFlow> {
  const client = new ImapFlow(imapOptions(login));
  client.on('error', (error: unknown) => onError?.(toServerError(error, login.server, 'imap')));
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw toServerError(error, login.server, 'imap');
  }
  return client;
}
