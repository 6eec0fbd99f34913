import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openImap } from '../../../src-main/imap/imap-connection';
import type { WrenError } from '../../../src-main/errors/wren-error';

/** A server that greets with `greeting` (nothing at all when null) and then says no more. */
async function greeter(greeting: Buffer | null): Promise<Server> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    if (greeting) socket.write(greeting);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * `connectMs`: the greeting timeout. The servers that answer with something else get a minute, far past
 * the test's own timeout: their answer must come without waiting for the greeting timeout.
 */
async function connectTo(server: Server, connectMs = 60_000): Promise<WrenError> {
  const port = (server.address() as AddressInfo).port;
  const login = { server: { host: '127.0.0.1', port, security: 'none' as const, user: 'u' }, password: 'p', allowPlaintext: true, pin: null, timeouts: { connectMs } };
  return openImap(login).then(() => { throw new Error('connected'); }, (error: WrenError) => error);
}

describe('openImap against a server that is not IMAP', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('a line imapflow cannot parse (SSH, a TLS record) is ServerProtocolError with that line, control bytes escaped, at once', async () => {
    server = await greeter(Buffer.from('SSH-2.0-OpenSSH_9.6\r\n'));
    expect(await connectTo(server)).toMatchObject({ code: 'ServerProtocolError', details: { protocol: 'imap', cause: 'NOT_IMAP_GREETING', serverText: 'SSH-2.0-OpenSSH_9.6' } });
    server.close();
    server = await greeter(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x05, 0x68, 0x69, 0x0d, 0x0a]));
    expect((await connectTo(server)).details?.serverText).toBe('\\x16\\x03\\x01\\x00\\x05hi');
  });

  it('a POP3 greeting is ServerProtocolError with its first word (all imapflow keeps of a line that parses), at once', async () => {
    server = await greeter(Buffer.from('+OK POP3 ready\r\n'));
    const error = await connectTo(server);
    expect(error).toMatchObject({ code: 'ServerProtocolError', details: { port: (server.address() as AddressInfo).port, serverText: '+OK' } });
    expect(error.message).toContain('not an IMAP greeting');
  });

  it('a server that sends nothing is still a Timeout (the network, or a server that hangs)', async () => {
    server = await greeter(null);
    expect((await connectTo(server, 400)).code).toBe('Timeout');
  });
});
