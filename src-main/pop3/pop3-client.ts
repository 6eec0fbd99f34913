import type { Readable } from 'node:stream';
import { WrenError } from '../errors/wren-error';
import { tlsOptionsFor, type PinnedCertificate } from '../tls/trust-options';
import { bodyStream, bufferSink } from './body-stream';
import { capabilityNumber, parseCapabilities } from './capabilities';
import { parseDropListing, parseScanListing, parseUidListing } from './listings';
import { authenticate, type Pop3AuthChoice } from './pop3-auth';
import { authOAuth } from './pop3-oauth';
import { command, lines, streamed } from './pop3-commands';
import { Pop3Connection } from './pop3-connection';

import { Pop3Error, refusal } from './pop3-error';

export { Pop3Error };
export type { Pop3AuthChoice } from './pop3-auth';

export interface Pop3ConnectOptions {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string;
  password: string;
  /** OAuth2: logs in with this bearer token (OAUTHBEARER, else XOAUTH2) instead of the password. */
  accessToken?: string;
  allowPlaintext: boolean;
  pin: PinnedCertificate | null;
  timeouts?: { connectMs?: number; idleMs?: number };
  auth?: Pop3AuthChoice;
}

export interface Pop3Client {
  /** CAPA after login: tags upper-cased, plus "<TAG> <ARG>" per argument (see capabilities.ts); empty when the server has no CAPA. */
  readonly capabilities: ReadonlySet<string>;
  /** The greeting's text after "+OK". */
  readonly greeting: string;
  stat(): Promise<{ count: number; size: number }>;
  list(): Promise<Array<{ number: number; size: number }>>;
  /** Throws a Pop3Error with code 'Pop3NoUidl' when the server lacks UIDL. */
  uidl(): Promise<Array<{ number: number; uidl: string }>>;
  /** The message's bytes, dot-unstuffed, CRLFs kept. Consume the streams in the order they were asked for. */
  retr(number: number): Readable;
  retrBuffer(number: number): Promise<Buffer>;
  /** The headers and the first `lines` body lines. */
  top(number: number, lines: number): Readable;
  dele(number: number): Promise<void>;
  rset(): Promise<void>;
  noop(): Promise<void>;
  /** Enters the UPDATE state: deletions take effect only here. */
  quit(): Promise<void>;
  /** Abrupt: no QUIT, so no DELE takes effect. */
  close(): void;
}

const CONNECT_MS = 15_000;
/** As for IMAP: a server silent this long while an answer is due has stalled. */
const IDLE_MS = 60_000;

/** Connects, secures, logs in and learns the capabilities; every failure is a WrenError naming the server. */
export async function openPop3(options: Pop3ConnectOptions): Promise<Pop3Client> {
  if (options.security === 'none' && !options.allowPlaintext) {
    throw new WrenError('PlaintextNotAllowed', `Connecting to ${options.host} without encryption would send the password in plain text; allow it explicitly or choose TLS/STARTTLS.`, { host: options.host });
  }
  const { connection, greeting } = await Pop3Connection.open({
    host: options.host,
    port: options.port,
    implicitTls: options.security === 'tls',
    tls: tlsOptionsFor(options.host, options.pin),
    connectMs: options.timeouts?.connectMs ?? CONNECT_MS,
    idleMs: options.timeouts?.idleMs ?? IDLE_MS,
  });
  if (greeting.kind !== 'ok') {
    connection.destroy();
    // A response code says why ([SYS/TEMP]: busy, so tried again later); without one it is the server's word.
    if (greeting.code) throw refusal(greeting, 'greeting', connection.settings);
    throw new WrenError('ServerSaid', `The POP3 server ${options.host}:${options.port} turned the connection away: ${greeting.text}`, { host: options.host, port: options.port, protocol: 'pop3' });
  }
  try {
    let capabilities = await capabilitiesOf(connection);
    if (options.security === 'starttls') {
      await command(connection, 'STLS', 'STLS', { discardAfter: true });
      await connection.upgradeToTls();
      capabilities = await capabilitiesOf(connection);
    }
    const context = { capabilities, greeting: greeting.text, encrypted: options.security !== 'none' };
    const login = options.accessToken
      ? authOAuth(connection, { user: options.user, accessToken: options.accessToken }, capabilities)
      : authenticate(connection, options, options.auth ?? 'auto', context);
    await login.catch((error: unknown) => Promise.reject(withAnnouncedDelay(error, capabilities)));
    // RFC 2449 §5: capabilities may change after login (Dovecot adds PIPELINING details, some servers UIDL).
    capabilities = await capabilitiesOf(connection);
    connection.pipelining = capabilities.has('PIPELINING');
    return new Pop3Session(connection, capabilities, greeting.text);
  } catch (error) {
    connection.destroy();
    throw error;
  }
}

/**
 * A [LOGIN-DELAY] refusal with the wait the server announced before login
 * (RFC 2449 §6.5, CAPA "LOGIN-DELAY 900"), so the next try is not sooner.
 */
function withAnnouncedDelay(error: unknown, capabilities: ReadonlySet<string>): unknown {
  if (!(error instanceof Pop3Error) || error.code !== 'Pop3LoginDelay') return error;
  const seconds = capabilityNumber(capabilities, 'LOGIN-DELAY');
  if (seconds === null) return error;
  return new Pop3Error(error.code, error.message, { ...error.details, retryAfterMs: seconds * 1000 }, error.serverText);
}

/** A server without CAPA (RFC 1939 only) answers -ERR: it then has no extensions we may rely on. */
async function capabilitiesOf(connection: Pop3Connection): Promise<Set<string>> {
  try {
    return parseCapabilities(await lines(connection, 'CAPA', 'CAPA'));
  } catch (error) {
    if (error instanceof Pop3Error && error.code === 'ServerSaid') return new Set();
    throw error;
  }
}

class Pop3Session implements Pop3Client {
  constructor(private readonly connection: Pop3Connection, readonly capabilities: ReadonlySet<string>, readonly greeting: string) {}

  async stat(): Promise<{ count: number; size: number }> {
    const status = await command(this.connection, 'STAT', 'STAT');
    return parseDropListing(status.text, this.connection.settings);
  }

  async list(): Promise<Array<{ number: number; size: number }>> {
    return parseScanListing(await lines(this.connection, 'LIST', 'LIST'), this.connection.settings);
  }

  async uidl(): Promise<Array<{ number: number; uidl: string }>> {
    return parseUidListing(await lines(this.connection, 'UIDL', 'UIDL', 'Pop3NoUidl'), this.connection.settings);
  }

  retr(number: number): Readable {
    return this.stream(`RETR ${messageNumber(number)}`, 'RETR');
  }

  retrBuffer(number: number): Promise<Buffer> {
    return new Promise((resolve, reject) => streamed(this.connection, `RETR ${messageNumber(number)}`, 'RETR', bufferSink(resolve, reject)));
  }

  top(number: number, lineCount: number): Readable {
    return this.stream(`TOP ${messageNumber(number)} ${messageNumber(lineCount, 0)}`, 'TOP');
  }

  async dele(number: number): Promise<void> {
    await command(this.connection, `DELE ${messageNumber(number)}`, 'DELE');
  }

  async rset(): Promise<void> {
    await command(this.connection, 'RSET', 'RSET');
  }

  async noop(): Promise<void> {
    await command(this.connection, 'NOOP', 'NOOP');
  }

  async quit(): Promise<void> {
    try {
      // A -ERR here (RFC 1939 §6) means some deletions were not done: the caller must know.
      await command(this.connection, 'QUIT', 'QUIT');
    } finally {
      this.connection.end();
    }
  }

  close(): void {
    this.connection.destroy();
  }

  private stream(line: string, verb: string): Readable {
    const { stream, sink } = bodyStream(() => this.connection.resume());
    streamed(this.connection, line, verb, sink);
    return stream;
  }
}

function messageNumber(value: number, min = 1): number {
  if (!Number.isSafeInteger(value) || value < min) throw new WrenError('BadRequest', `Not a POP3 message number: ${value}`);
  return value;
}
