import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions } from 'node:tls';
import type { WrenError } from '../errors/wren-error';
import { codedError, connectionFault, protocolError, type ServerAddress } from './pop3-error';
import { ResponseReader, type ExpectedAnswer } from './response-reader';
import type { StatusLine } from './status-line';

export interface ConnectionSettings extends ServerAddress {
  /** 'tls': POP3S from the first byte; otherwise plain TCP (STLS, if wanted, is the caller's next step). */
  implicitTls: boolean;
  tls: ConnectionOptions;
  connectMs: number;
  /** How long an awaited answer may stay silent before the server counts as stalled. */
  idleMs: number;
}

interface Outgoing {
  line: string;
  answer: ExpectedAnswer;
}

/**
 * One POP3 connection: the socket (plain, TLS, or upgraded by STLS), the
 * order commands go out in, and the timers. Without PIPELINING a command is
 * written only once every earlier answer is complete (RFC 2449 forbids more).
 */
export class Pop3Connection {
  readonly reader: ResponseReader;
  /** Set once the server offers PIPELINING: commands then go out without waiting. */
  pipelining = false;
  private socket: Socket;
  private readonly unsent: Outgoing[] = [];
  private paused = false;
  private corked = false;
  private fault: WrenError | undefined;
  private readonly listeners = {
    data: (chunk: Buffer) => this.reader.feed(chunk),
    error: (error: Error) => this.noteFault(connectionFault(error, this.settings)),
    close: () => this.onClose(),
    timeout: () => this.destroyWith(connectionFault(codedError('ETIMEOUT', 'no answer'), this.settings)),
  };

  private constructor(readonly settings: ConnectionSettings, socket: Socket) {
    this.reader = new ResponseReader({
      onBackpressure: () => this.pause(),
      onAnswered: () => this.flush(),
      onProtocolError: (what, line) => this.destroyWith(protocolError(settings, what, line)),
    });
    this.socket = socket;
    this.attach(socket);
  }

  /** Connects and reads the greeting, all within connectMs. */
  static async open(settings: ConnectionSettings): Promise<{ connection: Pop3Connection; greeting: StatusLine }> {
    const { host, port } = settings;
    const socket = settings.implicitTls ? connectTls({ ...settings.tls, host, port }) : connectTcp({ host, port });
    const connection = new Pop3Connection(settings, socket);
    const greeting = await connection.withinConnectTime(
      new Promise<StatusLine>((resolve, reject) => connection.reader.expect({ multiLine: false, onStatus: resolve, onFail: reject })),
    );
    return { connection, greeting };
  }

  /** Queues a command; it is written as soon as the pipelining rule allows. */
  send(line: string, answer: ExpectedAnswer): void {
    this.unsent.push({ line, answer });
    this.flush();
  }

  /** A body receiver wants more bytes. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.socket.resume();
    this.updateIdleTimer();
  }

  /**
   * Turns the connection into TLS after the server's +OK to STLS. The reader
   * dropped whatever followed that +OK: bytes sent before the handshake could
   * have been injected by anyone on the path (RFC 2595 §3.1).
   */
  async upgradeToTls(): Promise<void> {
    const plain = this.socket;
    this.detach(plain);
    // From here on its faults surface on the TLS socket that wraps it.
    plain.on('error', () => undefined);
    const secure = connectTls({ ...this.settings.tls, host: this.settings.host, socket: plain });
    this.socket = secure;
    this.attach(secure);
    this.reader.restart();
    await this.withinConnectTime(
      new Promise<void>((resolve, reject) => {
        secure.once('secureConnect', () => resolve());
        secure.once('close', () => reject(this.fault ?? connectionFault(codedError('EConnectionClosed', 'closed during TLS'), this.settings)));
      }),
    );
  }

  /** Ends the connection politely (after QUIT's answer). */
  end(): void {
    this.socket.end();
  }

  /** Ends it at once; anything still awaited fails as a lost connection. */
  destroy(): void {
    this.destroyWith(connectionFault(codedError('EConnectionClosed', 'closed by Wren'), this.settings));
  }

  /** Ends it at once because of `fault` (the server broke the protocol): anything still awaited fails with it. */
  abandon(fault: WrenError): void {
    this.destroyWith(fault);
  }

  private flush(): void {
    while (this.unsent.length > 0 && !this.fault && (this.pipelining || this.reader.waiting === 0)) {
      const { line, answer } = this.unsent.shift()!;
      this.reader.expect(answer);
      this.write(`${line}\r\n`);
    }
    if (this.fault) for (const { answer } of this.unsent.splice(0)) answer.onFail(this.fault);
    this.updateIdleTimer();
  }

  /** Commands queued in one tick leave in one packet. */
  private write(text: string): void {
    const socket = this.socket;
    if (!this.corked) {
      this.corked = true;
      socket.cork();
      process.nextTick(() => {
        this.corked = false;
        socket.uncork();
      });
    }
    // UTF-8: user names and passwords may be non-ASCII (RFC 6856 servers take UTF-8; others take the bytes).
    socket.write(text, 'utf8');
  }

  private pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.socket.pause();
    this.updateIdleTimer();
  }

  /** Silence counts only while an answer is awaited and Wren itself is not holding the reading back. */
  private updateIdleTimer(): void {
    if (this.socket.destroyed) return;
    this.socket.setTimeout(this.reader.waiting > 0 && !this.paused ? this.settings.idleMs : 0);
  }

  private async withinConnectTime<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const fault = connectionFault(codedError('CONNECT_TIMEOUT', 'no greeting in time'), this.settings);
        this.destroyWith(fault);
        reject(fault);
      }, this.settings.connectMs);
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private attach(socket: Socket): void {
    // Commands are small and each waits for an answer: Nagle would only hold them back (writes in one tick are corked together).
    socket.setNoDelay(true);
    socket.on('data', this.listeners.data);
    socket.on('error', this.listeners.error);
    socket.on('close', this.listeners.close);
    socket.on('timeout', this.listeners.timeout);
  }

  private detach(socket: Socket): void {
    socket.setTimeout(0);
    socket.off('data', this.listeners.data);
    socket.off('error', this.listeners.error);
    socket.off('close', this.listeners.close);
    socket.off('timeout', this.listeners.timeout);
  }

  private noteFault(fault: WrenError): void {
    this.fault ??= fault;
  }

  private destroyWith(fault: WrenError): void {
    this.noteFault(fault);
    this.reader.fail(this.fault!);
    this.socket.destroy();
  }

  private onClose(): void {
    this.noteFault(connectionFault(codedError('EConnectionClosed', 'the server closed the connection'), this.settings));
    this.reader.fail(this.fault!);
    for (const { answer } of this.unsent.splice(0)) answer.onFail(this.fault!);
  }
}
