import { createHash } from 'node:crypto';
import { WrenError } from '../errors/wren-error';
import { command } from './pop3-commands';
import type { Pop3Connection } from './pop3-connection';
import { Pop3Error } from './pop3-error';

export type Pop3AuthChoice = 'auto' | 'user' | 'apop' | 'plain';

export interface Pop3Credentials {
  user: string;
  password: string;
}

/** RFC 5034 §4: with the initial response the command must stay within 255 octets, else it is sent on its own line. */
const MAX_COMMAND = 255;

/**
 * Logs in. 'auto' takes SASL PLAIN when offered (RFC 5034), then APOP when the
 * line is unencrypted and the greeting has a timestamp (the password then never
 * crosses the wire), else USER/PASS. Every refusal is AuthFailed unless the
 * server names a better reason ([IN-USE], [LOGIN-DELAY], [SYS/TEMP]).
 */
export async function authenticate(connection: Pop3Connection, credentials: Pop3Credentials, choice: Pop3AuthChoice, context: { capabilities: ReadonlySet<string>; greeting: string; encrypted: boolean }): Promise<void> {
  if (/[\r\n\0]/.test(credentials.user + credentials.password)) {
    throw new WrenError('BadRequest', 'A user name or password may not contain line breaks or NUL characters.');
  }
  const method = choice === 'auto' ? automaticChoice(context) : choice;
  if (method === 'plain') return authPlain(connection, credentials);
  if (method === 'apop') {
    const refused = await apop(connection, credentials, context.greeting).then(() => null, (error: unknown) => error);
    if (refused === null) return;
    // qmail and others put a timestamp in every greeting but take APOP only with some password backends:
    // chosen by us, a bare refusal (no response code naming a reason) is worth the ordinary login.
    if (choice !== 'auto' || !(refused instanceof Pop3Error) || refused.details?.responseCode) throw refused;
    // A server that hangs up after the refused APOP: its refusal is the answer, not a lost connection.
    return userPass(connection, credentials).catch((error: unknown) => Promise.reject(error instanceof Pop3Error ? error : refused));
  }
  return userPass(connection, credentials);
}

async function userPass(connection: Pop3Connection, credentials: Pop3Credentials): Promise<void> {
  await command(connection, `USER ${credentials.user}`, 'USER', { fallback: 'AuthFailed' });
  await command(connection, `PASS ${credentials.password}`, 'PASS', { fallback: 'AuthFailed' });
}

function automaticChoice(context: { capabilities: ReadonlySet<string>; greeting: string; encrypted: boolean }): Exclude<Pop3AuthChoice, 'auto'> {
  if (context.capabilities.has('SASL PLAIN')) return 'plain';
  if (!context.encrypted && apopTimestamp(context.greeting)) return 'apop';
  return 'user';
}

/** RFC 1939 §7: the greeting's "<...>" banner, hashed with the password, proves the password without sending it. */
export function apopTimestamp(greeting: string): string | null {
  return /<[^<>\s]*@[^<>\s]*>/.exec(greeting)?.[0] ?? null;
}

async function apop(connection: Pop3Connection, credentials: Pop3Credentials, greeting: string): Promise<void> {
  const timestamp = apopTimestamp(greeting);
  if (!timestamp) {
    const { host, port } = connection.settings;
    throw new WrenError('ServerSaid', `The POP3 server ${host}:${port} does not offer APOP (its greeting has no timestamp).`, { host, port, protocol: 'pop3' });
  }
  const digest = createHash('md5').update(timestamp + credentials.password, 'utf8').digest('hex');
  await command(connection, `APOP ${credentials.user} ${digest}`, 'APOP', { fallback: 'AuthFailed' });
}

async function authPlain(connection: Pop3Connection, credentials: Pop3Credentials): Promise<void> {
  const response = Buffer.from(`\0${credentials.user}\0${credentials.password}`, 'utf8').toString('base64');
  const initial = `AUTH PLAIN ${response}`;
  let status = initial.length <= MAX_COMMAND
    ? await command(connection, initial, 'AUTH', { fallback: 'AuthFailed', acceptContinue: true })
    : await command(connection, 'AUTH PLAIN', 'AUTH', { fallback: 'AuthFailed', acceptContinue: true });
  if (status.kind === 'continue' && initial.length > MAX_COMMAND) {
    status = await command(connection, response, 'AUTH', { fallback: 'AuthFailed', acceptContinue: true });
  }
  if (status.kind === 'continue') {
    // PLAIN is one step; a further challenge is a server we do not understand: cancel (RFC 5034 §4).
    await command(connection, '*', 'AUTH', { fallback: 'AuthFailed' }).catch(() => undefined);
    const { host, port } = connection.settings;
    throw new WrenError('AuthFailed', `The POP3 server ${host}:${port} did not accept the PLAIN login.`, { host, port, protocol: 'pop3' });
  }
}
