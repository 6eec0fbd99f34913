import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toServerError } from '../../../src-main/imap/imap-error';
import { WrenError, isUnreachable } from '../../../src-main/errors/wren-error';

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
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'ConnectionLost'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TlsUntrusted'],
  ])('the connection’s own %s is %s', (raw, code) => {
    expect(toServerError(coded(raw), server, 'imap').code).toBe(code);
  });

  it.each([
    ['ParserError11'], ['ParserError'], ['ParserErrorExchange'], ['MAX_IMAP_NESTING_REACHED'], ['LiteralTooLarge'], ['LineTooLarge'],
    ['ResponseTooLarge'], ['TooManyTokens'], ['TooManyResponses'], ['UnexpectedTag'], ['InvalidResponse'], ['COMPRESS_TRAILING_DATA'],
  ])('imapflow’s %s (the server broke IMAP) is ServerProtocolError naming the server, not a lost connection', (raw) => {
    const fault = toServerError(coded(raw), server, 'imap');
    expect(fault.code).toBe('ServerProtocolError');
    expect(fault.details).toMatchObject({ host: 'mail.example', port: 993, protocol: 'imap', cause: raw });
    expect(isUnreachable(fault)).toBe(false);
  });

  it('a command failed by an unreadable answer keeps what the parser read of it as serverText, made safe to show', () => {
    // What imapflow rejects the command with when its tagged completion does not parse (rejectUnparsedCompletion).
    const parserError = coded('ParserError9', { message: 'Unexpected end of input at position 22 [E9]', parserContext: { input: '[READ-WRITE)(\u0000 done', inputLength: 18, pos: 22 } });
    const rejected = coded('ParserError9', { message: 'Failed to parse the server response for this command', parserError });
    expect(toServerError(rejected, server, 'imap')).toMatchObject({
      code: 'ServerProtocolError',
      message: expect.stringContaining('[E9]'),
      details: { host: 'mail.example', port: 993, protocol: 'imap', serverText: '[READ-WRITE)(\\x00 done' },
    });
  });

  it('the line a response-level limit stopped, and a nesting too deep, come with their text', () => {
    const tokens = coded('TooManyTokens', { parserContext: { input: `* 1 FETCH (${'1 '.repeat(100)}`, pos: 9 } });
    expect(toServerError(tokens, server, 'imap').details?.serverText).toMatch(/^\* 1 FETCH \(1 1 .*…$/);
    const nested = coded('MAX_IMAP_NESTING_REACHED', { _imapStr: '* LIST (((((((' });
    expect(toServerError(nested, server, 'imap').details?.serverText).toBe('* LIST (((((((');
  });

  it('a literal refused for its size has no text (imapflow drops it unread); a NO without its tag is still a refusal', () => {
    const literal = toServerError(coded('LiteralTooLarge', { message: 'Literal size 99999999999 exceeds maximum allowed size of 1073741824 bytes' }), server, 'imap');
    expect(literal).toMatchObject({ code: 'ServerProtocolError', message: expect.stringContaining('99999999999') });
    expect(literal.details).not.toHaveProperty('serverText');
    expect(toServerError(coded('MissingTag', { responseStatus: 'BAD', responseText: 'Must issue a STARTTLS command first' }), server, 'imap').code).toBe('ServerSaid');
  });

  it('a firewall’s EPERM on connect is the network’s fault, not the data folder’s', () => {
    const refused = coded('EPERM', { syscall: 'connect', address: '192.0.2.1', port: 993 });
    expect(toServerError(refused, server, 'imap').code).toBe('ConnectionLost');
  });

  it('a file system error that is no local fault (a folder removed by hand) is a bug (Internal), never offline', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const gone = coded('ENOENT', { syscall: 'mkdir', path: '/home/ann/.config/Wren/blobs/ab', message: "ENOENT: no such file or directory, mkdir '/home/ann/.config/Wren/blobs/ab'" });
    expect(toServerError(gone, server, 'imap').code).toBe('Internal');
    // A socket's own errno (no path) is still the line's.
    expect(toServerError(coded('ENETDOWN', { syscall: 'read' }), server, 'imap').code).toBe('ConnectionLost');
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

  describe('imapflow’s own faults (its code looks like a connection’s, the line arrived intact)', () => {
    // As imapflow's createImapError builds them: the thrown value in _err.
    const processingFailed = (thrown: unknown) => coded('ResponseProcessingFailed', { message: 'Failed to process server response', _err: thrown });

    it('a full disk met while an answer was handled stays DiskFull', () => {
      const full = coded('ENOSPC', { syscall: 'write', path: '/data/blobs/x' });
      expect(toServerError(processingFailed(full), server, 'imap').code).toBe('DiskFull');
    });

    it('Wren’s own coded error thrown there keeps its code', () => {
      const stopped = new WrenError('SyncStopped', 'The sync was stopped.');
      expect(toServerError(processingFailed(stopped), server, 'imap')).toBe(stopped);
    });

    it('anything else thrown there is a bug (Internal, logged with the stack of what was thrown), never offline', () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const bug = new TypeError("Cannot read properties of undefined (reading 'value')");
      const fault = toServerError(processingFailed(bug), server, 'imap');
      expect(fault.code).toBe('Internal');
      expect(fault.message).toContain('IMAP server mail.example:993');
      expect(isUnreachable(fault)).toBe(false);
      expect(String(log.mock.calls[0]?.[1])).toContain(bug.stack!.split('\n')[1]!.trim());
    });

    it('an unexpected failure of its parser is a bug (Internal), never offline', () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const fault = toServerError(coded('ParserErrorInternal', { message: 'Unexpected parser failure: x is not a function', _err: new TypeError('x is not a function') }), server, 'imap');
      expect(fault.code).toBe('Internal');
      expect(isUnreachable(fault)).toBe(false);
    });
  });
});
