// A TCP relay in front of a lab port, for tests that need the network to misbehave:
// blackHole() stops forwarding in both directions while keeping every socket open
// (no FIN, no RST: a silently dead line), close() refuses everything, and
// `fromServer` re-cuts, rewrites or cuts off what the server sends.
import net from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface TcpProxy {
  port: number;
  /** Bytes stop flowing both ways on every open connection; the sockets stay open. */
  blackHole(): void;
  /** Only the connections open now go silent (a sleep outlived by the server's side); new ones flow. */
  blackHoleOpenLines(): void;
  /** Stops listening and cuts every connection: the server is gone. */
  close(): Promise<void>;
}

/** One relayed connection, as `fromServer` sees it. */
export interface RelayedLine {
  /** Drops this connection both ways at once (RST-like: the client sees it end mid-answer). */
  cut(): void;
}

export interface TcpProxyOptions {
  /**
   * Server-to-client bytes pass through this: it returns the pieces to forward (rewritten,
   * re-cut, or none). Each piece is written on its own, in a later turn of the event loop, with
   * Nagle off, so the client reads them as separate packets.
   */
  fromServer?: (chunk: Buffer, line: RelayedLine) => Buffer[];
}

/** `listenPort` reopens a closed proxy where its clients expect it (the server is back). */
export async function startTcpProxy(targetPort: number, host = '127.0.0.1', listenPort = 0, options: TcpProxyOptions = {}): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const deadLines = new Set<net.Socket>();
  let silent = false;
  const relay = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk) => {
      if (!silent && !deadLines.has(from)) to.write(chunk);
    });
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, host);
    relay(client, upstream);
    // Pieces still queued when the server hangs up (its answer to QUIT) are delivered first.
    const drained = options.fromServer ? relayInPieces(upstream, client, options.fromServer, () => silent) : undefined;
    if (!drained) relay(upstream, client);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        if (silent || deadLines.has(socket)) return;
        if (socket === client) upstream.destroy();
        else if (drained) void drained().then(() => client.end());
        else client.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(listenPort, host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    blackHole: () => {
      silent = true;
    },
    blackHoleOpenLines: () => {
      for (const socket of sockets) deadLines.add(socket);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Forwards the server's bytes piece by piece, in order, one piece per event-loop turn; returns "all forwarded". */
function relayInPieces(upstream: net.Socket, client: net.Socket, cutInPieces: NonNullable<TcpProxyOptions['fromServer']>, silent: () => boolean): () => Promise<void> {
  client.setNoDelay(true);
  const line: RelayedLine = {
    cut: () => {
      client.resetAndDestroy();
      upstream.destroy();
    },
  };
  let queue = Promise.resolve();
  upstream.on('data', (chunk: Buffer) => {
    const pieces = cutInPieces(chunk, line);
    queue = queue.then(async () => {
      for (const piece of pieces) {
        if (silent() || client.destroyed) return;
        client.write(piece);
        await nextTurn();
      }
    });
  });
  return () => queue;
}
