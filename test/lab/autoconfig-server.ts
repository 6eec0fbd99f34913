import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  body?: string;
  /** Answers only after this long (a slow provider). */
  delayMs?: number;
}

export interface TestAutoconfigServer {
  /** http://127.0.0.1:PORT */
  base: string;
  /** Path → answer; anything else is a 404. A test may change it at any time. */
  routes: Map<string, Route>;
  /** Every path asked for. */
  requests: string[];
  close(): Promise<void>;
}

/** A loopback HTTP server serving autoconfig files, standing in for autoconfig.DOMAIN and DOMAIN/.well-known. */
export async function startAutoconfigServer(): Promise<TestAutoconfigServer> {
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const pending = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    requests.push(path);
    const route = routes.get(path);
    const answer = () => {
      response.writeHead(route ? (route.status ?? 200) : 404, { 'content-type': 'application/xml' });
      response.end(route?.body ?? '');
    };
    if (!route?.delayMs) return answer();
    const timer = setTimeout(answer, route.delayMs);
    pending.add(timer);
    response.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    routes,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        pending.forEach(clearTimeout);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A config-v1.1.xml file for the given servers (what a provider would publish). */
export function autoconfigXml(domain: string, servers: { type: 'imap' | 'pop3' | 'smtp'; host: string; port: number; socketType: string }[]): string {
  const server = (s: (typeof servers)[number]) => {
    const tag = s.type === 'smtp' ? 'outgoingServer' : 'incomingServer';
    return `<${tag} type="${s.type}"><hostname>${s.host}</hostname><port>${s.port}</port><socketType>${s.socketType}</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></${tag}>`;
  };
  return `<?xml version="1.0"?>\n<clientConfig version="1.1"><emailProvider id="${domain}"><domain>${domain}</domain><displayName>${domain} mail</displayName>${servers.map(server).join('')}</emailProvider></clientConfig>`;
}
