import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedPop3, type ScriptedPop3 } from '../../lab/scripted-pop3';
import { startCore, type TestCore } from '../imap/lab-core';

// A server that breaks POP3 (garbage where +OK/-ERR belongs, a listing that is not one) is the server's
// fault, not the network's: the account is in error with the server's line, not "offline" and retried forever.
const HOUR = 60 * 60_000;
let server: ScriptedPop3 | undefined;
let test: TestCore | undefined;
afterEach(async () => {
  await test?.dispose();
  await server?.close();
  test = server = undefined;
});

const message = (n: number) => `From: s${n}@example.test\r\nSubject: Scripted ${n}\r\nMessage-ID: <scripted-${n}@example.test>\r\n\r\nBody ${n}.\r\n`;

function draft(port: number) {
  return {
    name: 'Garbled', email: 'garbled@example.test', protocol: 'pop3' as const, password: 'pw', allowPlaintext: true,
    incoming: { host: '127.0.0.1', port, security: 'none' as const, user: 'garbled' },
    pop3: { leave: 'keep' as const, deleteAfterDays: null, maxMessageKb: null },
  };
}

/** An account on the scripted server, with background sync on (so an offline failure would be retried on a timer). */
async function account(): Promise<number> {
  server = await startScriptedPop3([message(1), message(2)]);
  test = startCore({ syncIntervalMs: HOUR });
  return (await test.call('accounts.add', draft(server.port))).id;
}

async function subjects(accountId: number): Promise<string[]> {
  const [inbox] = await test!.call('folders.list', { accountId });
  return (await test!.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 50 })).items.map((m) => m.subject).sort();
}

describe('a POP3 server that breaks the protocol', () => {
  it.each([
    ['garbage for the status line of a RETR', 'RETR', 'HTTP/1.1 502 Bad Gateway\r\n', 'HTTP/1.1 502 Bad Gateway'],
    ['a UIDL listing with a line that is not one', 'UIDL', '+OK\r\n1 scripted-1\r\nthis is not a listing\r\n.\r\n', 'this is not a listing'],
    ['a SASL continuation as the answer to LIST', 'LIST', '+ \r\n', '+ '],
  ])('%s: ServerProtocolError with the host and the line, in error (not offline), no retry on a timer; fixed, the next check is whole', async (_name, verb, garbage, serverText) => {
    const accountId = await account();
    server!.answers[verb] = garbage;
    const failure = await test!.core.sync.run(accountId, false).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ServerProtocolError', details: { host: '127.0.0.1', port: server!.port, protocol: 'pop3', serverText } });
    expect(test!.core.status.get(accountId)).toMatchObject({ state: 'error', retryAt: null, error: { code: 'ServerProtocolError' } });
    expect(test!.core.sync.hasTimer(accountId)).toBe(false);

    delete server!.answers[verb];
    expect((await test!.core.sync.run(accountId, false)).newMessages).toBe(2);
    expect(await subjects(accountId)).toEqual(['Scripted 1', 'Scripted 2']);
    expect(test!.core.status.get(accountId).state).toBe('idle');
  });

  it('a partial message (over the size limit) opened while the server answers garbage to RETR: it opens as it is, partial, as offline', async () => {
    const long = `${message(3).trimEnd()}\r\n${Array.from({ length: 2000 }, (_, i) => `Line ${i + 1}, long enough to add up.`).join('\r\n')}\r\n`;
    server = await startScriptedPop3([long]);
    test = startCore();
    const { id: accountId } = await test.call('accounts.add', { ...draft(server.port), pop3: { leave: 'keep', deleteAfterDays: null, maxMessageKb: 20 } });
    await test.call('sync.run', { accountId, bodies: false });
    const [inbox] = await test.call('folders.list', { accountId });
    const [item] = (await test.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 })).items;
    server.answers.RETR = '\u0000\u00ff garbage\r\n';
    const opened = await test.call('messages.read', { messageId: item!.id, markSeen: false });
    expect(opened).toMatchObject({ partial: true, size: long.length });
    expect(opened.warnings).toContain('wren:PartialDownload');
    expect(server.received).toContain('RETR 1');
  });

  it('testing the connection to a port where another protocol answers (an IMAP greeting): ServerProtocolError naming what answered', async () => {
    server = await startScriptedPop3([]);
    server.greeting = '* OK [CAPABILITY IMAP4rev1] Dovecot ready.';
    test = startCore();
    const failure = await test.call('accounts.testConnection', draft(server.port)).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ServerProtocolError', details: { host: '127.0.0.1', serverText: '* OK [CAPABILITY IMAP4rev1] Dovecot ready.' } });
  });
});
