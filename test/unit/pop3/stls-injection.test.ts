import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPop3 } from '../../../src-main/pop3/pop3-client';
import { makeCert, type LabCert } from '../../lab/cert';

let dir: string;
let cert: LabCert;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'wren-stls-'));
  cert = await makeCert(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Answers POP3 lines on `socket` until it closes; returns the lines seen. */
function answer(socket: net.Socket | tls.TLSSocket, seen: string[], onStls?: () => void): void {
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    for (let end = buffered.indexOf('\r\n'); end >= 0; end = buffered.indexOf('\r\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      seen.push(line);
      if (line === 'STLS' && onStls) {
        socket.off('data', onData);
        return onStls();
      }
      socket.write(line === 'CAPA' ? '+OK\r\nUSER\r\nPIPELINING\r\n.\r\n' : line === 'STAT' ? '+OK 0 0\r\n' : '+OK\r\n');
    }
  };
  socket.on('data', onData);
  socket.on('error', () => undefined);
}

describe('STLS', () => {
  it('drops bytes that arrived with the +OK to STLS, before the TLS handshake (RFC 2595 §3.1)', async () => {
    const seen: string[] = [];
    const server = net.createServer((plain) => {
      plain.write('+OK fake POP3\r\n');
      answer(plain, seen, () => {
        // A man in the middle appends a forged answer right after the server's +OK.
        plain.write('+OK Begin TLS\r\n+OK\r\nFORGED\r\n.\r\n');
        const secure = new tls.TLSSocket(plain, { isServer: true, key: cert.keyPem, cert: cert.certPem });
        answer(secure, seen);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as net.AddressInfo).port;
      const client = await openPop3({
        host: '127.0.0.1', port, security: 'starttls', user: 'u', password: 'p', allowPlaintext: false,
        pin: { sha256: cert.fingerprint256, pem: cert.certPem },
      });
      expect([...client.capabilities].sort()).toEqual(['PIPELINING', 'USER']);
      expect(await client.stat()).toEqual({ count: 0, size: 0 });
      client.close();
      expect(seen.slice(0, 5)).toEqual(['CAPA', 'STLS', 'CAPA', 'USER u', 'PASS p']);
    } finally {
      server.close();
    }
  });
});
