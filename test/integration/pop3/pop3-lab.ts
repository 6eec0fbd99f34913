import { X509Certificate } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Pop3ConnectOptions } from '../../../src-main/pop3/pop3-client';
import type { Lab, LabUser } from '../../lab/lab';

/** Options for a lab user over POP3S, trusting the lab's self-signed certificate by its pin. */
export function pop3Options(lab: Lab, user: LabUser, overrides: Partial<Pop3ConnectOptions> = {}): Pop3ConnectOptions {
  return {
    host: lab.host,
    port: lab.ports.pop3s,
    security: 'tls',
    user: user.email,
    password: user.password,
    allowPlaintext: false,
    pin: labPin(lab),
    ...overrides,
  };
}

export function labPin(lab: Lab): { sha256: string; pem: string } {
  return { sha256: new X509Certificate(lab.certPem).fingerprint256, pem: lab.certPem };
}

/** A message as the lab stores it and POP3 hands it back: CRLF line ends. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) {
    if (!Buffer.isBuffer(chunk)) throw new Error('a POP3 body stream gave something other than a Buffer');
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** A small message with CRLF line ends; `body` must end with CRLF. */
export function labMessage(n: number, body: string | Buffer = `Body of message ${n}.\r\n`, headers = ''): Buffer {
  const head = crlf(`From: a@example.test\nTo: someone@example.test\nSubject: Message ${n}\nMessage-ID: <m${n}-${Date.now()}@example.test>\n${headers}\n`);
  return Buffer.concat([Buffer.from(head), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
}

/** Extra lab users so each test has a maildrop of its own. */
export function extraUsers(names: string[]): Array<{ email: string; password: string }> {
  return names.map((name) => ({ email: `${name}@example.test`, password: `${name}-secret` }));
}
