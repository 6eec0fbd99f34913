// A scripted POP3 server on loopback, for the server behaviours Dovecot cannot be made to show
// (no CAPA, no UIDL, [LOGIN-DELAY], [SYS/TEMP], garbage). The real-server proof is in test/integration/pop3.
import net from 'node:net';

export type Script = (command: string) => string | undefined;

export interface FakePop3Server {
  port: number;
  /** Every command line received, in order. */
  received: string[];
  /** Commands that arrived while an earlier one was still unanswered (pipelined). */
  overlapping: string[];
  close(): Promise<void>;
}

/** Answers each command (after a short pause, so a client that does not wait is seen) with what `script` returns. */
export async function startFakePop3(greeting: string, script: Script, options: { answerDelayMs?: number } = {}): Promise<FakePop3Server> {
  const received: string[] = [];
  const overlapping: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write(`${greeting}\r\n`);
    let buffered = '';
    let unanswered = 0;
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\r\n'); end >= 0; end = buffered.indexOf('\r\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        received.push(line);
        if (unanswered > 0) overlapping.push(line);
        unanswered++;
        setTimeout(() => {
          unanswered--;
          const answer = line.toUpperCase() === 'QUIT' ? '+OK bye\r\n' : script(line);
          if (answer === undefined) socket.destroy();
          else socket.write(answer, 'latin1');
          if (line.toUpperCase() === 'QUIT') socket.end();
        }, options.answerDelayMs ?? 5);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    overlapping,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A minimal RFC 1939 server with two messages and no extensions (no CAPA, no UIDL). */
export function rfc1939Only(overrides: Record<string, string> = {}): Script {
  const messages = ['Subject: one\r\n\r\n.dot\r\n', 'Subject: two\r\n\r\nbody\r\n'];
  return (line) => {
    const [verb = '', arg = ''] = line.split(' ');
    const upper = verb.toUpperCase();
    if (overrides[upper] !== undefined) return overrides[upper];
    switch (upper) {
      case 'USER': return '+OK\r\n';
      case 'PASS': return '+OK maildrop ready\r\n';
      case 'STAT': return `+OK ${messages.length} 50\r\n`;
      case 'RETR': {
        const message = messages[Number(arg) - 1];
        return message ? `+OK\r\n${message.replace(/^\./gm, '..')}.\r\n` : '-ERR no such message\r\n';
      }
      case 'DELE': case 'NOOP': case 'RSET': return '+OK\r\n';
      default: return '-ERR unknown command\r\n';
    }
  };
}
