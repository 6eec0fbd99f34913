import type { ErrorCode } from '../errors/error-codes';
import type { Pop3Connection } from './pop3-connection';
import { protocolError, refusal } from './pop3-error';
import type { BodySink } from './response-reader';
import type { StatusLine } from './status-line';

/**
 * Sends a command with a one-line answer. A -ERR rejects with a typed
 * Pop3Error (`fallback` when the server gave no response code we know);
 * `acceptContinue` lets a SASL "+ " through to the caller.
 */
export function command(connection: Pop3Connection, line: string, verb: string, options: { fallback?: ErrorCode; acceptContinue?: boolean; discardAfter?: boolean } = {}): Promise<StatusLine> {
  return new Promise((resolve, reject) => {
    connection.send(line, {
      multiLine: false,
      discardAfter: options.discardAfter,
      onStatus: (status) => {
        if (status.kind === 'ok' || (status.kind === 'continue' && options.acceptContinue)) resolve(status);
        else reject(failureOf(status, verb, connection, options.fallback));
      },
      onFail: reject,
    });
  });
}

/** Sends a command with a multi-line answer streamed into `sink`; a refusal or a lost connection fails the sink. */
export function streamed(connection: Pop3Connection, line: string, verb: string, sink: BodySink, fallback?: ErrorCode): void {
  connection.send(line, {
    multiLine: true,
    onStatus: (status) => {
      if (status.kind === 'ok') return sink;
      sink.fail(failureOf(status, verb, connection, fallback));
      return undefined;
    },
    onFail: (error) => sink.fail(error),
  });
}

/**
 * A -ERR is the server refusing the command; a "+ " continuation outside a SASL exchange is no
 * answer POP3 has: the server broke the protocol (the connection is ended, nothing after it can be trusted).
 */
function failureOf(status: StatusLine, verb: string, connection: Pop3Connection, fallback?: ErrorCode): Error {
  if (status.kind === 'err') return refusal(status, verb, connection.settings, fallback);
  const fault = protocolError(connection.settings, `a SASL continuation as the answer to ${verb}`, `+ ${status.text}`);
  connection.abandon(fault);
  return fault;
}

/** A multi-line answer of short lines (LIST, UIDL, CAPA), as Latin-1 strings without their CRLF. */
export function lines(connection: Pop3Connection, line: string, verb: string, fallback?: ErrorCode): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    streamed(connection, line, verb, {
      push: (bytes) => parts.push(bytes) > 0,
      end: () => resolve(splitLines(Buffer.concat(parts))),
      fail: reject,
    }, fallback);
  });
}

function splitLines(body: Buffer): string[] {
  const text = body.toString('latin1');
  if (text === '') return [];
  return text.replace(/\r?\n$/, '').split(/\r?\n/);
}
