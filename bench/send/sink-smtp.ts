// An SMTP server that takes every message and throws it away (AUTH PLAIN/LOGIN, no TLS), so the send
// bench measures the clients and not a mail store. Counts what it accepted.
import type net from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SinkSmtp {
  port: number;
  accepted: number;
  bytes: number;
  close(): Promise<void>;
}

export async function startSinkSmtp(user: string, password: string): Promise<SinkSmtp> {
  const sink = { accepted: 0, bytes: 0 };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    closeTimeout: 100,
    disableReverseLookup: true,
    size: 100 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(Object.assign(new Error('5.7.8 Authentication failed'), { responseCode: 535 }));
    },
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (sink.bytes += chunk.length));
      stream.on('end', () => {
        sink.accepted += 1;
        callback(null, '2.0.0 Ok: discarded');
      });
    },
  });
  server.on('error', () => {});
  const port = await new Promise<number>((resolve, reject) => {
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as net.AddressInfo).port));
    server.server.once('error', reject);
  });
  return Object.assign(sink, { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}
