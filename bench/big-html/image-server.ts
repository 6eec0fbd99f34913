// The remote images of the big newsletter, served for real (over https on loopback, the browser
// mapping the image host here), so "Load remote content" loads thousands of images as it would
// from a mail's server, not thousands of instant DNS failures.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeCert } from '../../test/lab/cert';

/** A 4×4 grey PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEklEQVR4nGPo6OhABgxEcwEAz5oXgcLRlSwAAAAASUVORK5CYII=',
  'base64',
);

export interface ImageServer {
  port: number;
  requests(): number;
  close(): Promise<void>;
}

export async function startImageServer(dir: string): Promise<ImageServer> {
  const cert = await makeCert(dir);
  let count = 0;
  const server: Server = createServer({ cert: cert.certPem, key: cert.keyPem }, (_request, response) => {
    count += 1;
    response.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length, 'Cache-Control': 'no-store' }).end(PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests: () => count,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
