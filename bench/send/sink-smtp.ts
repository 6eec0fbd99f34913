// An SMTP server that takes every message and throws it away (AUTH PLAIN/LOGIN, no TLS), so the send
// bench measures the clients and not a mail store. It runs in its own thread: its work must not count
// as the sender's (the event-loop lag the bench reports is the core's, on the main thread).
import { Worker } from 'node:worker_threads';

/**
 * Where a sender's time went, message by message, as the server saw it (sums in ms since the last
 * `phases()`): from MAIL FROM to the DATA command (the envelope's round trips, and whatever the
 * sender does before it answers them), from the 354 to the final dot (the message itself), and from
 * the 250 to the next MAIL FROM on the same connection (the sender's work between two messages).
 * The same for every sender, measured on neither's thread: the rows' phases compare like with like.
 */
export interface SinkPhases {
  messages: number;
  envelopeMs: number;
  dataMs: number;
  /** Messages that followed another on their connection: the count `betweenMs` is spread over. */
  followers: number;
  betweenMs: number;
}

export interface SinkSmtp {
  port: number;
  /** How many messages it has accepted so far. */
  accepted(): Promise<number>;
  /** The phases of the messages accepted since the last call (the first call only starts counting). */
  phases(): Promise<SinkPhases>;
  close(): Promise<void>;
}

// Plain CommonJS run with `eval`: the bench is bundled on the fly, so there is no file to start a worker from.
const SINK_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
try { require('node:fs').writeFileSync('/proc/thread-self/comm', 'bench-sink'); } catch {}
const { SMTPServer } = require('smtp-server');
// smtp-server waits 100 ms before each greeting to catch clients that talk too soon, a fixed delay of its own (no
// option turns it off). msmtp opens a connection per message and would pay it every time, the pooled senders once
// a run: here every client is greeted at once, as by a submission server without such a check.
const { SMTPConnection } = require('smtp-server/lib/smtp-connection');
SMTPConnection.prototype.init = function init() {
  this._setListeners(() => this.connectionReady());
};
const { performance } = require('node:perf_hooks');
let accepted = 0;
const noPhases = () => ({ messages: 0, envelopeMs: 0, dataMs: 0, followers: 0, betweenMs: 0 });
let phases = noPhases();
// By connection (session.id): when its MAIL FROM came, and when its last message ended.
const mailAt = new Map();
const endedAt = new Map();
const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  authMethods: ['PLAIN', 'LOGIN'],
  logger: false,
  closeTimeout: 100,
  disableReverseLookup: true,
  size: 100 * 1024 * 1024,
  onAuth(auth, _session, callback) {
    if (auth.username === workerData.user && auth.password === workerData.password) callback(null, { user: workerData.user });
    else callback(Object.assign(new Error('5.7.8 Authentication failed'), { responseCode: 535 }));
  },
  onMailFrom(_address, session, callback) {
    const now = performance.now();
    const ended = endedAt.get(session.id);
    if (ended !== undefined) {
      phases.followers += 1;
      phases.betweenMs += now - ended;
    }
    mailAt.set(session.id, now);
    callback();
  },
  onData(stream, session, callback) {
    const dataAt = performance.now();
    phases.envelopeMs += dataAt - (mailAt.get(session.id) ?? dataAt);
    stream.resume();
    stream.on('end', () => {
      const now = performance.now();
      phases.messages += 1;
      phases.dataMs += now - dataAt;
      endedAt.set(session.id, now);
      accepted += 1;
      callback(null, '2.0.0 Ok: discarded');
    });
  },
  onClose(session) {
    mailAt.delete(session.id);
    endedAt.delete(session.id);
  },
});
server.on('error', () => {});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'count') parentPort.postMessage({ accepted });
  if (message === 'phases') {
    parentPort.postMessage({ phases });
    phases = noPhases();
    // A connection kept from before (a pooled one, idle since) starts its next message as a first one.
    endedAt.clear();
  }
  if (message === 'close') server.close(() => process.exit(0));
});
`;

export async function startSinkSmtp(user: string, password: string): Promise<SinkSmtp> {
  const worker = new Worker(SINK_THREAD, { eval: true, workerData: { user, password } });
  let failed: Error | null = null;
  worker.on('error', (error) => (failed = error));
  const next = () =>
    new Promise<{ port?: number; accepted?: number; phases?: SinkPhases }>((resolve, reject) => {
      if (failed) reject(failed);
      else worker.once('message', resolve);
    });
  const { port } = await next();
  return {
    port: port!,
    accepted: async () => {
      const answer = next();
      worker.postMessage('count');
      return (await answer).accepted!;
    },
    phases: async () => {
      const answer = next();
      worker.postMessage('phases');
      return (await answer).phases!;
    },
    close: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await exited;
    },
  };
}
