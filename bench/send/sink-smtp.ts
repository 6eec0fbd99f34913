// An SMTP server that takes every message and throws it away (AUTH PLAIN/LOGIN, no TLS), so the send
// bench measures the clients and not a mail store. It runs in its own thread: its work must not count
// as the sender's (the event-loop lag the bench reports is the core's, on the main thread).
import { Worker } from 'node:worker_threads';

export interface SinkSmtp {
  port: number;
  /** How many messages it has accepted so far. */
  accepted(): Promise<number>;
  close(): Promise<void>;
}

// Plain CommonJS run with `eval`: the bench is bundled on the fly, so there is no file to start a worker from.
const SINK_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
try { require('node:fs').writeFileSync('/proc/thread-self/comm', 'bench-sink'); } catch {}
const { SMTPServer } = require('smtp-server');
let accepted = 0;
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
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      accepted += 1;
      callback(null, '2.0.0 Ok: discarded');
    });
  },
});
server.on('error', () => {});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'count') parentPort.postMessage({ accepted });
  if (message === 'close') server.close(() => process.exit(0));
});
`;

export async function startSinkSmtp(user: string, password: string): Promise<SinkSmtp> {
  const worker = new Worker(SINK_THREAD, { eval: true, workerData: { user, password } });
  let failed: Error | null = null;
  worker.on('error', (error) => (failed = error));
  const next = () =>
    new Promise<{ port?: number; accepted?: number }>((resolve, reject) => {
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
    close: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await exited;
    },
  };
}
