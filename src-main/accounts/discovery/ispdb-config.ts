import type { DiscoveredServer, Security } from '../../ipc/contract';
import { child, childText, parseXml, XmlRejected, type XmlElement } from './xml-tree';

/** A config-v1.1.xml file as Wren uses it: the provider's domains and its first usable server of each kind. */
export interface IspdbConfig {
  providerId: string;
  domains: string[];
  displayName: string | null;
  imap: DiscoveredServer | null;
  pop3: DiscoveredServer | null;
  smtp: DiscoveredServer | null;
  /** Every server offered takes OAuth2 only (no password): set-up with a password cannot work. */
  oauth2Only: boolean;
}

export class IspdbInvalid extends Error {}

const SOCKET_TYPES: Record<string, Security> = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' };
const OAUTH_METHODS = new Set(['OAuth2']);

/**
 * Reads an ISPDB / autoconfig file (https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat)
 * for one address: %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN% in user
 * names are filled in. Servers with a port or socket type Wren cannot use are
 * skipped; of each kind the first encrypted one wins, as the file lists them
 * in the provider's order of preference.
 */
export function parseIspdbConfig(xml: string, email: string): IspdbConfig {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    throw new IspdbInvalid(error instanceof XmlRejected ? `not well-formed XML: ${error.message}` : String(error));
  }
  if (root.name !== 'clientConfig') throw new IspdbInvalid(`the root element is <${root.name}>, not <clientConfig>`);
  const provider = child(root, 'emailProvider');
  if (!provider) throw new IspdbInvalid('no <emailProvider>');
  const servers = (tag: string, type: string) =>
    provider.children.filter((c) => c.name === tag && c.attributes.type === type).map((c) => readServer(c, email));
  const all = [...servers('incomingServer', 'imap'), ...servers('incomingServer', 'pop3'), ...servers('outgoingServer', 'smtp')];
  const config: IspdbConfig = {
    providerId: provider.attributes.id ?? '',
    domains: provider.children.filter((c) => c.name === 'domain').map((c) => c.text.trim().toLowerCase()),
    displayName: childText(provider, 'displayName'),
    imap: preferred(servers('incomingServer', 'imap')),
    pop3: preferred(servers('incomingServer', 'pop3')),
    smtp: preferred(servers('outgoingServer', 'smtp')),
    oauth2Only: all.length > 0 && all.every((s) => s !== null && s.auth.length > 0 && s.auth.every((m) => OAUTH_METHODS.has(m))),
  };
  if (!config.imap && !config.pop3) throw new IspdbInvalid('no IMAP or POP3 server Wren can use');
  return config;
}

type ReadServer = (DiscoveredServer & { auth: string[] }) | null;

function readServer(element: XmlElement, email: string): ReadServer {
  const host = childText(element, 'hostname')?.toLowerCase() ?? '';
  const port = Number(childText(element, 'port'));
  const security = SOCKET_TYPES[childText(element, 'socketType') ?? ''];
  if (!/^[a-z0-9.-]{1,253}$/.test(host) || !Number.isInteger(port) || port < 1 || port > 65535 || !security) return null;
  const auth = element.children.filter((c) => c.name === 'authentication').map((c) => c.text.trim());
  return { host, port, security, user: fillUser(childText(element, 'username') ?? '%EMAILADDRESS%', email), auth };
}

function preferred(servers: ReadServer[]): DiscoveredServer | null {
  const usable = servers.filter((s): s is NonNullable<ReadServer> => s !== null);
  const chosen = usable.find((s) => s.security !== 'none') ?? usable[0];
  if (!chosen) return null;
  const { auth: _auth, ...server } = chosen;
  return server;
}

function fillUser(template: string, email: string): string {
  const at = email.lastIndexOf('@');
  return template
    .replaceAll('%EMAILADDRESS%', email)
    .replaceAll('%EMAILLOCALPART%', email.slice(0, at))
    .replaceAll('%EMAILDOMAIN%', email.slice(at + 1));
}
