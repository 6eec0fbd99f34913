// A TLS server in front of a lab TLS port that presents a certificate of the test's choosing, and can
// change it (cutting the connections open): a server whose self-signed certificate was replaced (renewed, or a
// machine in the middle). Behind it, the lab's own TLS port, verified against the lab's certificate.
import net from 'node:net';
import tls from 'node:tls';
import type { LabCert } from './cert.js';

export interface TlsFront {
  port: number;
  /** From now on connections see this certificate; the open ones are cut, as a server restarted with it would. */
  present(cert: LabCert): void;
  close(): Promise<void>;
}

export async function startTlsFront(targetPort: number, labCertPem: string, first: LabCert): Promise<TlsFront> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ cert: first.certPem, key: first.keyPem }, (client) => {
    const upstream = tls.connect({ host: '127.0.0.1', port: targetPort, ca: labCertPem, servername: 'localhost' });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    present: (cert) => {
      server.setSecureContext({ cert: cert.certPem, key: cert.keyPem });
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
