// A TCP relay in front of a lab port, for tests that need the network to misbehave:
// blackHole() stops forwarding in both directions while keeping every socket open
// (no FIN, no RST: a silently dead line), close() refuses everything.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Bytes stop flowing both ways on every open connection; the sockets stay open. */
  blackHole(): void;
  /** Stops listening and cuts every connection: the server is gone. */
  close(): Promise<void>;
}

/** `listenPort` reopens a closed proxy where its clients expect it (the server is back). */
export async function startTcpProxy(targetPort: number, host = '127.0.0.1', listenPort = 0): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let silent = false;
  const relay = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk) => {
      if (!silent) to.write(chunk);
    });
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        if (!silent) (socket === client ? upstream : client).destroy();
      });
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    blackHole: () => {
      silent = true;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
