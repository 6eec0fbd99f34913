import { afterEach, describe, expect, it, vi } from 'vitest';
import { toServerError } from '../../../src-main/imap/imap-error';

const server = { host: 'mail.example', port: 993 };
const coded = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(code), { code, ...extra });

describe('toServerError', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['ENOSPC', 'DiskFull'],
    ['SQLITE_FULL', 'DiskFull'],
    ['EROFS', 'DataReadOnly'],
    ['EACCES', 'DataReadOnly'],
    ['SQLITE_BUSY', 'DatabaseBusy'],
    ['SQLITE_CORRUPT', 'DatabaseCorrupt'],
  ])('a local %s met during a sync stays %s, not a connection failure', (raw, code) => {
    expect(toServerError(coded(raw, { syscall: 'write', path: '/data/blobs/x' }), server, 'imap').code).toBe(code);
  });

  it.each([
    ['ECONNREFUSED', 'ConnectionRefused'],
    ['ECONNRESET', 'ConnectionLost'],
    ['NoConnection', 'ConnectionLost'],
    ['ParserError11', 'ConnectionLost'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'ConnectionLost'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TlsUntrusted'],
  ])('the connection’s own %s is %s', (raw, code) => {
    expect(toServerError(coded(raw), server, 'imap').code).toBe(code);
  });

  it('a firewall’s EPERM on connect is the network’s fault, not the data folder’s', () => {
    const refused = coded('EPERM', { syscall: 'connect', address: '192.0.2.1', port: 993 });
    expect(toServerError(refused, server, 'imap').code).toBe('ConnectionLost');
  });

  it('a command the server refused is ServerSaid', () => {
    const refusal = Object.assign(new Error('Command failed'), { responseStatus: 'NO', responseText: 'Mailbox is locked' });
    expect(toServerError(refusal, server, 'imap')).toMatchObject({ code: 'ServerSaid', message: expect.stringContaining('Mailbox is locked') });
  });

  it('an error with no code at all is a bug (Internal, logged with its stack), never offline', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bug = new TypeError("Cannot read properties of undefined (reading 'uid')");
    expect(toServerError(bug, server, 'imap').code).toBe('Internal');
    expect(String(log.mock.calls[0]?.[1])).toContain(bug.stack!.split('\n')[1]!.trim());
  });
});
