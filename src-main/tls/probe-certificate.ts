import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions, type PeerCertificate, type TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { CertificateInfo, Security } from '../ipc/contract';

/** The commands that turn a plain connection into TLS, per protocol. */
const STARTTLS_DIALOGUE: Record<'imap' | 'pop3' | 'smtp', { steps: string[]; ready: RegExp }> = {
  imap: { steps: ['W1 STARTTLS\r\n'], ready: /^W1 OK/m },
  pop3: { steps: ['STLS\r\n'], ready: /^\+OK/ },
  smtp: { steps: ['EHLO wren.invalid\r\n', 'STARTTLS\r\n'], ready: /^220 / },
};

/** A whole server response: ends with CRLF and is not an SMTP "250-" continuation or an IMAP untagged line. */
function isComplete(response: string, protocol: 'imap' | 'pop3' | 'smtp', expectingTagged: boolean): boolean {
  if (!response.endsWith('\r\n')) return false;
  const last = response.slice(0, -2).split('\r\n').pop() ?? '';
  if (protocol === 'smtp') return !/^\d{3}-/.test(last);
  if (protocol === 'imap' && expectingTagged) return last.startsWith('W1 ');
  return true;
}

export interface ProbedCertificate {
  info: CertificateInfo;
  pem: string;
  /** Whether the connection would have been accepted with the `trust` options given to readCertificate (false without them). */
  trusted: boolean;
}

/**
 * Reads the certificate a server presents, without trusting it and without
 * sending any credentials, so the user can look at it and decide. Null when
 * it cannot be read, whatever the reason (see readCertificate for the reason).
 */
export async function probeCertificate(
  target: { host: string; port: number; security: Security; protocol: 'imap' | 'pop3' | 'smtp' },
  timeoutMs = 10_000,
): Promise<ProbedCertificate | null> {
  return readCertificate(target, timeoutMs).catch(() => null);
}

/**
 * The same, throwing what went wrong (Node's socket error, with its code:
 * ECONNREFUSED, ETIMEDOUT…), so a caller can tell "nothing answers" from
 * "no certificate"; null only for a plain-text server or a TLS session
 * without a certificate.
 */
export async function readCertificate(
  target: { host: string; port: number; security: Security; protocol: 'imap' | 'pop3' | 'smtp' },
  timeoutMs = 10_000,
  /** The account's TLS options (tlsOptionsFor): the answer then says whether they accept the certificate. */
  trust?: ConnectionOptions,
): Promise<ProbedCertificate | null> {
  if (target.security === 'none') return null;
  let plain: Socket | undefined;
  try {
    if (target.security === 'starttls') plain = await startTlsDialogue(target, timeoutMs);
    const tls = await openTls(target.host, target.port, plain, timeoutMs, trust);
    const peer = tls.getPeerCertificate(true);
    const trusted = trust !== undefined && tls.authorized;
    tls.destroy();
    return peer?.raw ? describe(peer, trusted) : null;
  } catch (error) {
    plain?.destroy();
    throw error;
  }
}

function describe(peer: PeerCertificate, trusted: boolean): ProbedCertificate {
  const x509 = new X509Certificate(peer.raw);
  return {
    pem: x509.toString(),
    trusted,
    info: {
      fingerprint256: x509.fingerprint256,
      subject: x509.subject.replace(/\n/g, ', '),
      issuer: x509.issuer.replace(/\n/g, ', '),
      validFrom: x509.validFrom,
      validTo: x509.validTo,
      selfSigned: x509.checkIssued(x509),
    },
  };
}

function openTls(host: string, port: number, socket: Socket | undefined, timeoutMs: number, trust?: ConnectionOptions): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    // Never refused here: with `trust`, Node still checks the chain and the name and says so in `authorized`.
    const tls = connectTls({ servername: /^[\d.:]+$/.test(host) ? undefined : host, ...trust, host, port, socket, rejectUnauthorized: false });
    tls.setTimeout(timeoutMs, () => tls.destroy(timedOut()));
    tls.once('secureConnect', () => resolve(tls));
    tls.once('error', reject);
  });
}

/** Greets the server in plain text up to its "go ahead" for TLS. */
function startTlsDialogue(target: { host: string; port: number; protocol: 'imap' | 'pop3' | 'smtp' }, timeoutMs: number): Promise<Socket> {
  const dialogue = STARTTLS_DIALOGUE[target.protocol];
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host: target.host, port: target.port });
    socket.setTimeout(timeoutMs, () => socket.destroy(timedOut()));
    let response = '';
    let step = -1;
    const onData = (chunk: Buffer) => {
      response += chunk.toString('latin1');
      if (!isComplete(response, target.protocol, step >= 0)) return;
      const answered = response;
      response = '';
      step += 1;
      if (step < dialogue.steps.length) {
        socket.write(dialogue.steps[step]!);
        return;
      }
      socket.off('data', onData);
      socket.setTimeout(0);
      if (dialogue.ready.test(answered)) resolve(socket);
      else socket.destroy(new Error(`STARTTLS refused: ${answered.trim()}`));
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

function timedOut(): Error {
  return Object.assign(new Error('The server did not answer in time.'), { code: 'ETIMEDOUT' });
}
