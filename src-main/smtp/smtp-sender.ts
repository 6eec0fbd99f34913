import { Readable } from 'node:stream';
import { WrenError } from '../errors/wren-error';
import type { Envelope } from '../outbox/build-message';
import { createSmtpTransport, type SmtpLogin, type SmtpTransport } from './smtp-transport';
import { withRenewedToken, type RenewLogin } from '../accounts/oauth2/renewed-token-retry';
import { toSmtpError } from './smtp-error';

export interface SendOutcome {
  /** The server's final reply to the message. */
  response: string;
  accepted: string[];
  /** Recipients refused while the others were accepted. */
  refused: string[];
}

interface GatedMail {
  /** Called once the server has accepted DATA; the first byte of the message goes out when it has settled. */
  wrenBeforeData?: () => void | Promise<void>;
}

/**
 * The only door to SMTP: one pooled nodemailer transport per account, kept
 * between messages so a queue drains over one connection. `beforeData` runs
 * when the server has said 354 to DATA, and the message flows once it has
 * settled: the outbox writes "sending" there and flushes it to the disk, so a
 * row still marked queued after a crash, or a power loss, provably never
 * reached the server.
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
  async send(accountId: number, envelope: Envelope, message: () => Readable, beforeData: () => void | Promise<void>, signal?: AbortSignal): Promise<SendOutcome> {
    const login = await this.loginFor(accountId);
    return withRenewedToken(login, this.renewLogin?.(accountId), (attempt) => this.sendWith(accountId, attempt, { envelope, message, beforeData, signal }));
  }

  private async sendWith(accountId: number, login: SmtpLogin, job: { envelope: Envelope; message: () => Readable; beforeData: () => void | Promise<void>; signal?: AbortSignal }): Promise<SendOutcome> {
    const transport = this.transportFor(accountId, login);
    try {
      if (job.signal?.aborted) throw takenBack();
      const mail = { envelope: job.envelope, raw: job.message(), wrenBeforeData: job.beforeData, signal: job.signal } as Parameters<SmtpTransport['sendMail']>[0] & GatedMail;
      const info = await transport.sendMail(mail);
      const refused = (info.rejected ?? []).map(String);
      return { response: info.response, accepted: (info.accepted ?? []).map(String), refused };
    } catch (error) {
      // Taken back: the pool let go of this message alone, the connection and the messages behind it carry on.
      if (job.signal?.aborted) throw takenBack();
      const mapped = toSmtpError(error, login.server);
      // A connection that failed below SMTP is not reused: the next message opens a fresh one. A message the
      // server refused (envelope or DATA) leaves the connection as good as it was.
      if (!['SmtpRejected', 'SmtpDeferred'].includes(mapped.code)) this.close(accountId);
      throw mapped;
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
      const hook = (mail.data as GatedMail).wrenBeforeData;
      if (hook) mail.message.processFunc((input) => gate(input, hook));
      done();
    });
    this.transports.set(accountId, { key, transport });
    return transport;
  }
}

function takenBack(): WrenError {
  return new WrenError('NotFound', 'The message was taken back before it was sent.');
}

/** Passes the message through, calling `hook` when the connection first pulls from it (after the 354), and waiting for it. */
function gate(input: Readable, hook: () => void | Promise<void>): Readable {
  return Readable.from(
    (async function* () {
      await hook();
      for await (const chunk of input) yield chunk as Buffer;
    })(),
    { objectMode: false },
  );
}
