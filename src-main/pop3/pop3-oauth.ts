import { WrenError } from '../errors/wren-error';
import { command } from './pop3-commands';
import type { Pop3Connection } from './pop3-connection';

/** A control character would end a SASL field early (RFC 7628 §3.1) and smuggle in fields of its own. */
function hasControl(value: string): boolean {
  return [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}

/** RFC 7628 §3.1: GS2 header with the authzid, then host, port and the bearer token, \x01-separated. */
export function oauthBearerPayload(user: string, token: string, host: string, port: number): string {
  const authzid = user.replace(/=/g, '=3D').replace(/,/g, '=2C');
  return `n,a=${authzid},\x01host=${host}\x01port=${port}\x01auth=Bearer ${token}\x01\x01`;
}

/** Google's XOAUTH2 (no RFC): "user=…^Aauth=Bearer …^A^A". */
export function xoauth2Payload(user: string, token: string): string {
  return `user=${user}\x01auth=Bearer ${token}\x01\x01`;
}

/**
 * SASL OAUTHBEARER (RFC 7628) when the server offers it, else XOAUTH2, as
 * AUTH with the response on its own line (a bearer token is far beyond the
 * 255 octets RFC 5034 allows beside the command). A refusal comes as a "+ "
 * challenge holding the server's JSON error; the client answers it (\x01 for
 * OAUTHBEARER, an empty line for XOAUTH2) and the server ends with -ERR.
 */
export async function authOAuth(connection: Pop3Connection, credentials: { user: string; accessToken: string }, capabilities: ReadonlySet<string>): Promise<void> {
  const { host, port } = connection.settings;
  if (hasControl(credentials.user + credentials.accessToken)) {
    throw new WrenError('BadRequest', 'A user name or access token may not contain control characters.');
  }
  const bearer = capabilities.has('SASL OAUTHBEARER') || !capabilities.has('SASL XOAUTH2');
  const mechanism = bearer ? 'OAUTHBEARER' : 'XOAUTH2';
  const payload = bearer ? oauthBearerPayload(credentials.user, credentials.accessToken, host, port) : xoauth2Payload(credentials.user, credentials.accessToken);
  const opened = await command(connection, `AUTH ${mechanism}`, 'AUTH', { fallback: 'AuthFailed', acceptContinue: true });
  if (opened.kind !== 'continue') throw unexpected(host, port, mechanism);
  const answer = await command(connection, Buffer.from(payload, 'utf8').toString('base64'), 'AUTH', { fallback: 'AuthFailed', acceptContinue: true });
  if (answer.kind === 'ok') return;
  const reason = Buffer.from(answer.text, 'base64').toString('utf8');
  // The exchange must end before the connection can be used (or closed) cleanly; -ERR is the expected answer.
  await command(connection, bearer ? Buffer.from('\x01').toString('base64') : '', 'AUTH', { fallback: 'AuthFailed' }).catch(() => undefined);
  throw new WrenError('AuthFailed', `The POP3 server ${host}:${port} rejected the sign-in token (${mechanism}): ${reason}`, { host, port, protocol: 'pop3', oauth2: true, reason });
}

function unexpected(host: string, port: number, mechanism: string): WrenError {
  return new WrenError('AuthFailed', `The POP3 server ${host}:${port} did not start the ${mechanism} exchange.`, { host, port, protocol: 'pop3', oauth2: true });
}
