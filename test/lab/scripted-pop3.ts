// A small POP3 server a test scripts, for what Dovecot cannot be made to do: answer garbage. It serves a
// maildrop (CAPA with UIDL, USER/PASS taking any password, STAT, LIST, UIDL, RETR, TOP, DELE, NOOP, RSET, QUIT)
// and answers a verb with whatever raw bytes the test put in `answers` instead; `greeting` is what a new
// connection is told first. DELE is not applied: every session sees the same maildrop.
import net from 'node:net';

export interface ScriptedPop3 {
  port: number;
  /** The first line of each new connection (without CRLF). */
  greeting: string;
  /** Raw answers (CRLFs included) that replace the maildrop's own, by verb in upper case. */
  answers: Record<string, string>;
  /** Every command line received, in order. */
  received: string[];
  close(): Promise<void>;
}

const stuffed = (text: string) => `+OK\r\n${text.replace(/^\./gm, '..')}.\r\n`;

function answer(messages: string[], line: string): string {
  const [verb = '', arg = ''] = line.split(' ');
  const message = messages[Number(arg) - 1];
  switch (verb.toUpperCase()) {
    case 'CAPA': return stuffed('USER\r\nUIDL\r\nTOP\r\n');
    case 'USER': case 'PASS': case 'NOOP': case 'RSET': case 'DELE': return '+OK\r\n';
    case 'STAT': return `+OK ${messages.length} ${messages.reduce((sum, m) => sum + m.length, 0)}\r\n`;
    case 'LIST': return stuffed(messages.map((m, i) => `${i + 1} ${m.length}\r\n`).join(''));
    case 'UIDL': return stuffed(messages.map((_m, i) => `${i + 1} scripted-${i + 1}\r\n`).join(''));
    case 'RETR': return message ? stuffed(message) : '-ERR no such message\r\n';
    case 'TOP': {
      if (!message) return '-ERR no such message\r\n';
      const [head, body = ''] = message.split('\r\n\r\n');
      const lines = body.split('\r\n').slice(0, Number(line.split(' ')[2]));
      return stuffed(`${head}\r\n\r\n${lines.map((l) => `${l}\r\n`).join('')}`);
    }
    case 'QUIT': return '+OK bye\r\n';
    default: return '-ERR unknown command\r\n';
  }
}

export async function startScriptedPop3(messages: string[]): Promise<ScriptedPop3> {
  const sockets = new Set<net.Socket>();
  const state = { greeting: '+OK scripted POP3 ready', answers: {} as Record<string, string>, received: [] as string[] };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write(`${state.greeting}\r\n`, 'latin1');
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\r\n'); end >= 0; end = buffered.indexOf('\r\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        state.received.push(line);
        const verb = line.split(' ')[0]!.toUpperCase();
        socket.write(state.answers[verb] ?? answer(messages, line), 'latin1');
        if (verb === 'QUIT') socket.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
