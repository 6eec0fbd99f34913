// A mailing list's unsubscribe endpoint over HTTPS (RFC 8058's one-click POST), on a loopback port with a
// certificate of its own: clients under test trust it as they would a real list's (NODE_EXTRA_CA_CERTS for
// a child process, https.globalAgent's CA in a test's own process), never by turning verification off.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeCert, type LabCert } from './cert';

export interface ReceivedUnsubscribe {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface OneClickServer {
  /** https://127.0.0.1:PORT (the certificate names that address) */
  base: string;
  cert: LabCert;
  /** Every request, in order. */
  received: ReceivedUnsubscribe[];
  /** The status the next requests are answered with (200 unless set); a 3xx carries a Location. */
  status: number;
  close(): Promise<void>;
}

/** Starts the server; its certificate goes in `dir`. */
export async function startOneClickServer(dir: string): Promise<OneClickServer> {
  const cert = await makeCert(dir);
  const received: ReceivedUnsubscribe[] = [];
  const state = { status: 200 };
  const server: Server = createServer({ cert: cert.certPem, key: cert.keyPem }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const redirect = state.status >= 300 && state.status < 400 ? { location: '/elsewhere' } : {};
      response.writeHead(state.status, { 'content-type': 'text/plain', ...redirect });
      response.end(state.status < 300 ? 'Unsubscribed.' : 'No.');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `https://127.0.0.1:${port}`,
    cert,
    received,
    get status() { return state.status; },
    set status(value: number) { state.status = value; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
