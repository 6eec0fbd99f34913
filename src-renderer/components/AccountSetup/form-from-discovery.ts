import type { DiscoveredConfig, DiscoveredServer, IncomingProtocol } from '../../../src-main/ipc/contract';
import { initialFormState, type AccountFormState, type ServerForm } from '../AccountForm/form-state';

/** The protocols the found settings offer, IMAP first (it keeps mail on the server for every device). */
export function offeredProtocols(config: DiscoveredConfig): IncomingProtocol[] {
  return (['imap', 'pop3'] as const).filter((protocol) => config[protocol] !== null);
}

function serverForm(server: DiscoveredServer, email: string): ServerForm {
  return { host: server.host, port: String(server.port), security: server.security, user: server.user === email ? null : server.user };
}

/**
 * The account form filled in from what set-up found: the address, the
 * password and the servers of the chosen protocol. The user still tests and
 * saves it there, and can change any field first. A server found in plain
 * text leaves "allow unencrypted" unticked: the form asks for it.
 */
export function formFromDiscovery(email: string, password: string, config: DiscoveredConfig, protocol: IncomingProtocol): AccountFormState {
  const base = initialFormState();
  const incoming = config[protocol]!;
  return {
    ...base,
    email,
    password,
    protocol,
    imap: serverForm(incoming, email),
    smtp: config.smtp ? serverForm(config.smtp, email) : base.smtp,
  };
}
