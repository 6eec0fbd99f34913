import net from 'node:net';

/**
 * A TCP relay in front of a lab port that can cut one connection after so
 * many bytes from the server (mid-RETR), and can slow the server's side to
 * `bytesPerSecond`, so that a download lasts long enough to be killed inside.
 */
export interface CuttingRelay {
  port: number;
  /** The next connection is destroyed, both ways, once `bytes` have come down from the server. */
  cutNextAfter(bytes: number): void;
  close(): Promise<void>;
}

export async function startCuttingRelay(targetPort: number, host = '127.0.0.1', bytesPerSecond: number | null = null): Promise<CuttingRelay> {
  const sockets = new Set<net.Socket>();
  let armed: number | null = null;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, host);
    const limit = armed;
    armed = null;
    let down = 0;
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        (socket === client ? upstream : client).destroy();
      });
    }
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    const started = Date.now();
    upstream.on('data', (chunk: Buffer) => {
      down += chunk.length;
      if (bytesPerSecond) {
        const ahead = (down / bytesPerSecond) * 1000 - (Date.now() - started);
        if (ahead > 0) {
          upstream.pause();
          setTimeout(() => upstream.resume(), ahead);
        }
      }
      if (limit !== null && down > limit) {
        client.write(chunk.subarray(0, chunk.length - (down - limit)));
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cutNextAfter: (bytes) => {
      armed = bytes;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
