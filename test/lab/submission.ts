// The lab's SMTP submission service: smtp-server with AUTH, delivering into Dovecot via LMTP,
// so a message a client sends shows up in the recipient's real IMAP/POP3 mailbox.
import net from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { LabCert } from './cert.js';
import { tokenOwner } from './oauth2-provider.js';

export const MAX_MESSAGE_BYTES = 60 * 1024 * 1024;

export interface SubmissionInput {
  users: Array<{ email: string; password: string }>;
  cert: LabCert;
  lmtpSocket: string;
  /** XOAUTH2 too, each token checked at this userinfo URL (the lab's OAuth2 provider). */
  oauth2?: { userinfoUrl: string };
}

export interface RunningSubmission {
  ports: { submission: number; smtps: number };
  /**
   * From now on connections (STARTTLS and implicit TLS) see this certificate, and the open ones are cut,
   * as a server restarted with it would: a server whose certificate was replaced. Settles once they are closed.
   */
  present(cert: LabCert): Promise<void>;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSubmission(input: SubmissionInput): Promise<RunningSubmission> {
  const starttls = createServer(input, false);
  const implicit = createServer(input, true);
  const [submission, smtps] = await Promise.all([listen(starttls), listen(implicit)]);
  return {
    ports: { submission, smtps },
    present: async (cert) => {
      for (const server of [starttls, implicit]) server.updateSecureContext({ key: cert.keyPem, cert: cert.certPem });
      // Each connection's own socket: after STARTTLS that is the TLS one (the plain one under it closes with it).
      const open = [starttls, implicit].flatMap((server) => [...server.connections].map((connection) => connection._socket));
      await Promise.all(open.map((socket) => new Promise((resolve) => {
        if (socket.destroyed) resolve(undefined);
        else socket.once('close', resolve).destroy();
      })));
    },
    close: async () => {
      await Promise.all([closeServer(starttls), closeServer(implicit)]);
    },
  };
}

function createServer(input: SubmissionInput, secure: boolean): SMTPServer {
  const passwords = new Map(input.users.map((u) => [u.email.toLowerCase(), u.password]));
  const server = new SMTPServer({
    secure,
    key: input.cert.keyPem,
    cert: input.cert.certPem,
    name: 'localhost',
    banner: 'Wren test lab submission',
    size: MAX_MESSAGE_BYTES,
    authMethods: input.oauth2 ? ['PLAIN', 'LOGIN', 'XOAUTH2'] : ['PLAIN', 'LOGIN'],
    authOptional: false,
    // Like Dovecot here: AUTH works before STARTTLS, so "security: none" can be tested.
    allowInsecureAuth: true,
    disableReverseLookup: true,
    logger: false,
    // Teardown must not wait for idle clients the tests forgot to close.
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      if (auth.method === 'XOAUTH2' && input.oauth2) {
        const user = (auth.username ?? '').toLowerCase();
        tokenOwner(input.oauth2.userinfoUrl, auth.accessToken ?? '').then(
          (owner) => callback(null, owner === user ? { user } : { data: { status: '401', schemes: 'bearer' } }),
          (error: Error) => callback(smtpError(`4.7.0 Token check failed: ${error.message}`, 454)),
        );
        return;
      }
      const expected = passwords.get((auth.username ?? '').toLowerCase());
      if (expected !== undefined && auth.password === expected) {
        callback(null, { user: auth.username!.toLowerCase() });
        return;
      }
      callback(smtpError('Authentication credentials invalid', 535));
    },
    onRcptTo(address, _session, callback) {
      if (passwords.has(address.address.toLowerCase())) callback();
      else callback(smtpError(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`, 550));
    },
    onData(stream, session, callback) {
      readMessage(stream)
        .then((raw) => deliver(input.lmtpSocket, session, raw))
        .then((response) => callback(null, response))
        .catch((err: Error & { responseCode?: number }) => callback(smtpError(err.message, err.responseCode ?? 451)));
    },
  });
  // Client-side resets (tests killing sockets) are expected; they must not crash the runner.
  server.on('error', () => {});
  return server;
}

/** Buffers the message; bounded because smtp-server stops passing data beyond `size`. */
function readMessage(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => {
      if (stream.sizeExceeded) reject(smtpError('5.3.4 Message exceeds fixed maximum message size', 552));
      else resolve(Buffer.concat(chunks));
    });
  });
}

/** Hands the message to Dovecot's LMTP socket for every recipient; all must accept. */
async function deliver(lmtpSocket: string, session: SMTPServerSession, raw: Buffer): Promise<string> {
  const transport = nodemailer.createTransport({
    lmtp: true,
    // LMTP here is a local unix socket: no TLS, and Dovecot may still advertise STARTTLS.
    ignoreTLS: true,
    name: 'localhost',
    getSocket: (_options, callback) => {
      const socket = net.connect(lmtpSocket);
      socket.once('connect', () => callback(null, { connection: socket }));
      socket.once('error', (err) => callback(err));
    },
  });
  try {
    const mailFrom = session.envelope.mailFrom;
    const to = session.envelope.rcptTo.map((r) => r.address);
    const info = await transport.sendMail({ envelope: { from: mailFrom ? mailFrom.address : '', to }, raw });
    if (info.rejected.length > 0) throw smtpError(`LMTP rejected ${info.rejected.join(', ')}`, 451);
    return `Delivered to ${to.join(', ')}`;
  } finally {
    transport.close();
  }
}

function listen(server: SMTPServer): Promise<number> {
  return new Promise((resolve, reject) => {
    // Port 0: the kernel picks a free port, so the SMTP side never races for one.
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as net.AddressInfo).port));
    server.server.once('error', reject);
  });
}

function closeServer(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
