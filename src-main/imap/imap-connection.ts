import type { ImapFlow, ImapFlowOptions } from 'imapflow';
import { WrenError } from '../errors/wren-error';
import type { ServerSettings } from '../ipc/contract';
import { tlsOptionsFor, type PinnedCertificate } from '../tls/trust-options';
import { toServerError } from './imap-error';
import { refusalLogger } from './command-refusal';
import { watchGreeting } from './greeting-watch';

export interface ImapLogin {
  server: ServerSettings;
  password: string;
  /** OAuth2 accounts: the bearer token to log in with (OAUTHBEARER, else XOAUTH2); the password is then unused. */
  accessToken?: string;
  allowPlaintext: boolean;
  pin: PinnedCertificate | null;
  /** socketMs: how long a connection may stay silent while Wren waits on it (tests shorten it). */
  timeouts?: { connectMs?: number; socketMs?: number };
}

/**
 * A server that stops answering without closing the connection (no FIN, no
 * RST: a dead NAT entry, a hung server) is noticed when nothing arrives for
 * this long while a command waits; quiet gaps with nothing to wait for are
 * probed with a NOOP by imapflow first. Long enough for a slow search.
 */
const SILENCE_MS = 60_000;

/** Why a connection ended, when it ended with a fault: its pending commands then only say "no connection". */
const endedBy = new WeakMap<ImapFlow, WrenError>();

export function connectionFault(client: ImapFlow): WrenError | undefined {
  return endedBy.get(client);
}

/** A push connection starts IDLE this soon after its last command: new mail is to be seen at once. */
const PUSH_IDLE_DELAY_MS = 100;

/**
 * imapflow options for an account: TLS verified, STARTTLS required when chosen, plain text only when allowed.
 * `push`: the connection IDLEs whenever it is free, with QRESYNC so expunges arrive as VANISHED UIDs.
 */
export function imapOptions(login: ImapLogin, push = false): ImapFlowOptions {
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
    auth: login.accessToken ? { user: server.user, accessToken: login.accessToken } : { user: server.user, pass: login.password },
    tls: tlsOptionsFor(server.host, login.pin),
    logger: false,
    connectionTimeout: connectMs,
    greetingTimeout: connectMs,
    socketTimeout: login.timeouts?.socketMs ?? SILENCE_MS,
    disableAutoIdle: !push,
    ...(push ? { autoIdleDelay: PUSH_IDLE_DELAY_MS } : {}),
    // Push learns expunges from VANISHED; a polled sync selects with QRESYNC to learn them the same way.
    qresync: true,
    clientInfo: { name: 'Wren' },
  };
}

/**
 * Connects and logs in; every failure becomes a WrenError naming the server.
 * The 'error' listener is attached before connecting: imapflow emits socket
 * errors as events, and an unheard one would crash the process.
 */
export async function openImap(login: ImapLogin, onError?: (error: WrenError) => void, push = false): Promise<ImapFlow> {
  // Loaded on first use: a front end that never opens IMAP itself (the CLI's sync runs in the worker) starts without it.
  const { ImapFlow } = await import('imapflow');
  const owner: { client?: ImapFlow } = {};
  const greeting = watchGreeting(refusalLogger(() => owner.client), () => owner.client);
  const client = new ImapFlow({ ...imapOptions(login, push), logger: greeting.logger });
  owner.client = client;
  client.on('error', (error: unknown) => {
    const fault = toServerError(error, login.server, 'imap');
    if (!endedBy.has(client)) endedBy.set(client, fault);
    onError?.(fault);
  });
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw greeting.notImap(error, login.server) ?? toServerError(error, login.server, 'imap');
  }
  return client;
}
