import { Readable } from 'node:stream';
import { WrenError } from '../errors/wren-error';
import type { Envelope } from '../outbox/build-message';
import { createSmtpTransport, type SmtpLogin, type SmtpTransport } from './smtp-transport';
import { withRenewedToken, type RenewLogin } from '../accounts/oauth2/renewed-token-retry';
import { toSmtpError } from './smtp-error';
import { refusedRecipients } from './refused-recipients';
import type { RefusedRecipient } from '../ipc/compose-shapes';
import { withPresentedCertificate } from '../tls/presented-certificate';

export interface SendOutcome {
  /** The server's final reply to the message. */
  response: string;
  accepted: string[];
  /** Recipients refused while the others were accepted. */
  refused: RefusedRecipient[];
}

/**
 * What the outbox does around a message's turn on the connection. nodemailer
 * builds a queued message's stream when its turn comes, just before it writes
 * MAIL FROM: the outbox records the turn then (a microtask later, as the
 * envelope goes), and the message's first byte waits for that. With
 * PIPELINING (which nodemailer uses when offered) the envelope and DATA go in
 * one write, so on a fast line the 354 is back before the turn's transaction
 * ends and the line waits for it (the send bench's sink shows it in the
 * message's data phase); over a real network the round trip hides it.
 */
export interface SendGate {
  /** The message's turn has come; not a byte of it flows before this settles, and none if it rejects. */
  turnBegins(): Promise<void>;
  /** The server said 354 and turnBegins settled: the first byte goes out now. */
  dataBegins(): void;
}

interface GatedMail {
  wrenGate?: SendGate;
}

/**
 * The only door to SMTP: one pooled nodemailer transport per account, kept
 * between messages so a queue drains over one connection. Each message
 * passes a SendGate: the outbox writes "sending" when its turn comes and
 * flushes it to the disk before the first byte, so a row still marked queued
 * after a crash, or a power loss, provably never reached the server.
 */
export class SmtpSender {
  private readonly transports = new Map<number, { key: string; transport: SmtpTransport }>();

  constructor(
    private readonly loginFor: (accountId: number) => SmtpLogin | Promise<SmtpLogin>,
    /** OAuth2: a login with a renewed token after the server refused one (tried once per message). */
    private readonly renewLogin?: (accountId: number) => RenewLogin<SmtpLogin>,
  ) {}

  /**
   * `signal`: aborted when the message is taken back (Undo) while it waits
   * its turn on the connection; nodemailer then drops it from the pool's
   * queue, so nothing of it (not even its envelope) reaches the server.
   */
  async send(accountId: number, envelope: Envelope, message: () => Readable, gate: SendGate, signal?: AbortSignal): Promise<SendOutcome> {
    const login = await this.loginFor(accountId);
    return withRenewedToken(login, this.renewLogin?.(accountId), (attempt) => this.sendWith(accountId, attempt, { envelope, message, gate, signal }));
  }

  private async sendWith(accountId: number, login: SmtpLogin, job: { envelope: Envelope; message: () => Readable; gate: SendGate; signal?: AbortSignal }): Promise<SendOutcome> {
    const transport = this.transportFor(accountId, login);
    try {
      if (job.signal?.aborted) throw takenBack();
      const mail = { envelope: job.envelope, raw: job.message(), wrenGate: job.gate, signal: job.signal } as Parameters<SmtpTransport['sendMail']>[0] & GatedMail;
      const info = await transport.sendMail(mail);
      return { response: info.response, accepted: (info.accepted ?? []).map(String), refused: refusedRecipients(info) };
    } catch (error) {
      // Taken back: the pool let go of this message alone, the connection and the messages behind it carry on.
      if (job.signal?.aborted) throw takenBack();
      const mapped = toSmtpError(error, login.server);
      // A connection that failed below SMTP is not reused: the next message opens a fresh one. A message the
      // server refused (envelope or DATA) leaves the connection as good as it was.
      if (!['SmtpRejected', 'SmtpDeferred'].includes(mapped.code)) this.close(accountId);
      // A refused certificate comes with the one the SMTP server shows now, to compare and trust for SMTP.
      throw await withPresentedCertificate(mapped, { ...login.server, protocol: 'smtp' });
    }
  }

  close(accountId: number): void {
    this.transports.get(accountId)?.transport.close();
    this.transports.delete(accountId);
  }

  closeAll(): void {
    for (const id of [...this.transports.keys()]) this.close(id);
  }

  private transportFor(accountId: number, login: SmtpLogin): SmtpTransport {
    const key = JSON.stringify([login.server, login.password, login.accessToken ?? null, login.pin?.sha256 ?? null, login.allowPlaintext]);
    const existing = this.transports.get(accountId);
    if (existing?.key === key) return existing.transport;
    existing?.transport.close();
    const transport = createSmtpTransport(login);
    transport.use('stream', (mail, done) => {
      const sendGate = (mail.data as GatedMail).wrenGate;
      if (sendGate) mail.message.processFunc((input) => gated(input, sendGate));
      done();
    });
    this.transports.set(accountId, { key, transport });
    return transport;
  }
}

function takenBack(): WrenError {
  return new WrenError('NotFound', 'The message was taken back before it was sent.');
}

/**
 * The message's stream as the connection reads it. Built when the message's
 * turn comes (nodemailer creates the stream then), which is when the gate's
 * turn begins; the connection first pulls after the 354, and the first chunk
 * waits for the turn's work to settle.
 */
function gated(input: Readable, gate: SendGate): Readable {
  const turn = gate.turnBegins();
  // Awaited at the first pull; a rejection before that (a message never pulled: the envelope was refused) is no crash.
  turn.catch(() => undefined);
  return Readable.from(
    (async function* () {
      await turn;
      gate.dataBegins();
      for await (const chunk of input) yield chunk as Buffer;
    })(),
    { objectMode: false },
  );
}
