import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { Security } from '../../ipc/contract';
import type { ProbedProtocol } from './discovery-options';

/** What each protocol's server says first when it is ready. */
const GREETINGS: Record<ProbedProtocol, RegExp> = {
  imap: /^\* (OK|PREAUTH)\b/i,
  pop3: /^\+OK\b/,
  smtp: /^220[ -]/,
};

/**
 * Whether a server of the protocol answers on the address and port: its
 * greeting, read within `timeoutMs` (over TLS on implicit-TLS ports). The
 * certificate is not judged here; the real connection verifies it (and the
 * user may pin a self-signed one then). Nothing is sent, no login.
 */
export function probeServer(protocol: ProbedProtocol, address: string, servername: string, port: number, security: Security, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket: Socket =
      security === 'tls'
        ? connectTls({ host: address, port, servername: isIp(servername) ? undefined : servername, rejectUnauthorized: false })
        : connectTcp({ host: address, port });
    let received = '';
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\n') || received.length > 512) finish(GREETINGS[protocol].test(received));
    });
    socket.on('end', () => finish(false));
  });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
