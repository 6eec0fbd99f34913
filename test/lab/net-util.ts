// Small socket helpers for the lab: finding free ports and waiting for servers to answer.
import net from 'node:net';

const LOOPBACK = '127.0.0.1';

function listenOnFreePort(): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve(server));
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Returns `count` distinct ports that were free a moment ago. All probe sockets are held open
 * together so the kernel cannot hand out the same port twice; another process can still grab
 * one before Dovecot binds it, which the caller handles by retrying.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await listenOnFreePort());
    return servers.map((server) => (server.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map(closeServer));
  }
}

export type ConnectTarget = { port: number; host?: string } | { path: string };

/**
 * Connects, reads the first line the server sends and closes. Resolves with that line, or
 * null if the connection was refused / closed / silent for `timeoutMs`.
 */
export function readGreeting(target: ConnectTarget, timeoutMs = 1000): Promise<string | null> {
  return new Promise((resolve) => {
    const socket =
      'path' in target ? net.connect(target.path) : net.connect(target.port, target.host ?? LOOPBACK);
    let buffered = '';
    const finish = (line: string | null): void => {
      socket.destroy();
      clearTimeout(timer);
      resolve(line);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end >= 0) finish(buffered.slice(0, end).replace(/\r$/, ''));
    });
    socket.on('error', () => finish(null));
    socket.on('close', () => finish(null));
  });
}

/** Resolves once something accepts a TCP connection on the port. */
export function canConnect(port: number, host = LOOPBACK): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
