import Database from 'better-sqlite3';
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

  it('a database error that is no local fault (a broken constraint) is a bug (Internal), never offline', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec('CREATE TABLE folders (id INTEGER PRIMARY KEY); CREATE TABLE messages (folder_id INTEGER NOT NULL REFERENCES folders(id))');
    let broken: unknown;
    try {
      db.prepare('INSERT INTO messages (folder_id) VALUES (7)').run();
    } catch (error) {
      broken = error;
    } finally {
      db.close();
    }
    expect(broken).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(toServerError(broken, server, 'imap')).toMatchObject({ code: 'Internal', message: 'FOREIGN KEY constraint failed' });
  });

  it('an error with no code at all is a bug (Internal, logged with its stack), never offline', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bug = new TypeError("Cannot read properties of undefined (reading 'uid')");
    expect(toServerError(bug, server, 'imap').code).toBe('Internal');
    expect(String(log.mock.calls[0]?.[1])).toContain(bug.stack!.split('\n')[1]!.trim());
  });
});
