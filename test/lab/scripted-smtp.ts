// A small SMTP server a test scripts: it answers the message with a 5xx, a 4xx, accepts it, or drops the
// connection after the final dot without a word; refuses recipients whose local part starts with "refuse", and
// cuts the line without a reply at a recipient whose local part starts with "cut" (before any DATA).
// It records each message it accepted (and each it received before dropping), so a test counts deliveries.
import type net from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type DataAnswer = 'accept' | 'reject' | 'defer' | 'drop';

export interface ScriptedSmtp {
  port: number;
  /** How the next messages are answered (from the DATA's final dot on). */
  answer: DataAnswer;
  /** Message-IDs the server accepted with a 250, in order. */
  accepted: string[];
  /** Message-IDs whose connection was dropped after the final dot (the server may or may not have kept them). */
  dropped: string[];
  /** Raw messages accepted, for header checks. */
  sources: Buffer[];
  /** Every RCPT TO address the server was given, refused or not (what reached it of each envelope). */
  recipients: string[];
  /** Answers for particular subjects, over `answer` (one message refused among others). */
  answerBySubject: Record<string, DataAnswer>;
  /** How long the server waits after the final dot before answering (a message that keeps the line busy). */
  holdMs: number;
  close(): Promise<void>;
}

const fail = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

export async function startScriptedSmtp(password: string, port = 0): Promise<ScriptedSmtp> {
  const state: Omit<ScriptedSmtp, 'port' | 'close'> = { answer: 'accept', accepted: [], dropped: [], sources: [], recipients: [], answerBySubject: {}, holdMs: 0 };
  const server: SMTPServer = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    closeTimeout: 100,
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      if (auth.password === password) callback(null, { user: auth.username });
      else callback(fail('5.7.8 Authentication credentials invalid', 535));
    },
    onRcptTo(address, session, callback) {
      state.recipients.push(address.address);
      if (/^cut/i.test(address.address)) return cutLine(session.id);
      if (/^refuse/i.test(address.address)) callback(fail(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`, 550));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then(async (parsed) => {
          const id = parsed.messageId ?? '';
          if (state.holdMs > 0) await new Promise((resolve) => setTimeout(resolve, state.holdMs));
          const answer = state.answerBySubject[parsed.subject ?? ''] ?? state.answer;
          if (answer === 'reject') return callback(fail('5.7.1 Message rejected: looks like spam to us', 554));
          if (answer === 'defer') return callback(fail('4.3.0 Try again later: queue full', 451));
          if (answer === 'drop') {
            state.dropped.push(id);
            // The line goes dead after the final dot: no reply, the socket is cut.
            return cutLine(session.id);
          }
          state.accepted.push(id);
          state.sources.push(raw);
          callback(null, '2.0.0 Ok: queued as SCRIPTED');
        });
      });
    },
  });
  function cutLine(sessionId: string): void {
    for (const connection of server.connections) if (connection.id === sessionId) (connection as unknown as { _socket: net.Socket })._socket.destroy();
  }
  server.on('error', () => {});
  const bound = await new Promise<number>((resolve, reject) => {
    server.listen(port, '127.0.0.1', () => resolve((server.server.address() as net.AddressInfo).port));
    server.server.once('error', reject);
  });
  return Object.assign(state, {
    port: bound,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
