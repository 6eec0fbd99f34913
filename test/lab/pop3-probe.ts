// Test-only POP3 exchange (USER/PASS, STAT, UIDL, RETR 1, QUIT) used to prove the lab's POP3
// side works. Deliberately minimal: it is a probe, not the product's POP3 client.
import net from 'node:net';
import tls from 'node:tls';

export interface Pop3ProbeOptions {
  host: string;
  port: number;
  /** 'pop3s' = implicit TLS; 'stls' = plain connection upgraded with STLS before login. */
  mode: 'pop3s' | 'stls';
  ca: string;
  user: string;
  password: string;
}

export interface Pop3ProbeResult {
  greeting: string;
  count: number;
  size: number;
  uidl: Array<{ number: number; uid: string }>;
  /** RETR 1, dot-unstuffed, CRLF line ends; null when the maildrop is empty. */
  first: Buffer | null;
}

export class Pop3Error extends Error {}

/** Buffers socket bytes and hands out CRLF-terminated lines on request. */
class LineReader {
  private buffer = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(public socket: net.Socket) {
    this.attach(socket);
  }

  attach(socket: net.Socket): void {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Pop3Error('connection closed')));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  async line(): Promise<Buffer> {
    for (;;) {
      const end = this.buffer.indexOf('\r\n');
      if (end >= 0) {
        const line = this.buffer.subarray(0, end);
        this.buffer = this.buffer.subarray(end + 2);
        return line;
      }
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  /** Reads a multi-line response body up to the lone '.', undoing dot-stuffing. */
  async multiline(): Promise<Buffer[]> {
    const lines: Buffer[] = [];
    for (;;) {
      const line = await this.line();
      if (line.length === 1 && line[0] === 0x2e) return lines;
      lines.push(line[0] === 0x2e ? line.subarray(1) : line);
    }
  }
}

async function command(reader: LineReader, text: string): Promise<string> {
  reader.socket.write(`${text}\r\n`);
  const status = (await reader.line()).toString('latin1');
  // Never echo the password into error messages.
  const shown = text.startsWith('PASS ') ? 'PASS ***' : text;
  if (!status.startsWith('+OK')) throw new Pop3Error(`${shown} -> ${status}`);
  return status;
}

function connect(options: Pop3ProbeOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket =
      options.mode === 'pop3s'
        ? tls.connect({ host: options.host, port: options.port, ca: [options.ca] }, () => resolve(socket))
        : net.connect(options.port, options.host, () => resolve(socket));
    socket.once('error', reject);
  });
}

function upgrade(socket: net.Socket, options: Pop3ProbeOptions): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    socket.removeAllListeners('data');
    socket.removeAllListeners('close');
    socket.removeAllListeners('error');
    const secure = tls.connect({ socket, host: options.host, ca: [options.ca] }, () => resolve(secure));
    secure.once('error', reject);
  });
}

export async function pop3Probe(options: Pop3ProbeOptions): Promise<Pop3ProbeResult> {
  const reader = new LineReader(await connect(options));
  try {
    const greeting = (await reader.line()).toString('latin1');
    if (!greeting.startsWith('+OK')) throw new Pop3Error(`greeting: ${greeting}`);
    if (options.mode === 'stls') {
      await command(reader, 'STLS');
      reader.attach(await upgrade(reader.socket, options));
    }
    await command(reader, `USER ${options.user}`);
    await command(reader, `PASS ${options.password}`);
    const [, count = '0', size = '0'] = (await command(reader, 'STAT')).split(' ');
    await command(reader, 'UIDL');
    const uidl = (await reader.multiline()).map((line) => {
      const [number = '', uid = ''] = line.toString('latin1').split(' ');
      return { number: Number(number), uid };
    });
    let first: Buffer | null = null;
    if (Number(count) > 0) {
      await command(reader, 'RETR 1');
      first = Buffer.concat((await reader.multiline()).map((line) => Buffer.concat([line, Buffer.from('\r\n')])));
    }
    await command(reader, 'QUIT');
    return { greeting, count: Number(count), size: Number(size), uidl, first };
  } finally {
    reader.socket.destroy();
  }
}
