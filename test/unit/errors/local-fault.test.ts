import { describe, expect, it } from 'vitest';
import { isLocalFault, toLocalFault } from '../../../src-main/errors/local-fault';
import { WrenError } from '../../../src-main/errors/wren-error';

const fault = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(code), { code, ...extra });

describe('toLocalFault', () => {
  it.each([
    ['ENOSPC', 'DiskFull'],
    ['SQLITE_FULL', 'DiskFull'],
    ['SQLITE_IOERR_WRITE', null],
    ['EROFS', 'DataReadOnly'],
    ['EACCES', 'DataReadOnly'],
    ['SQLITE_READONLY_DBMOVED', 'DataReadOnly'],
    ['SQLITE_BUSY', 'DatabaseBusy'],
    ['SQLITE_CORRUPT', 'DatabaseCorrupt'],
    ['ECONNRESET', null],
  ])('%s becomes %s', (raw, expected) => {
    const mapped = toLocalFault(fault(raw));
    expect(mapped?.code ?? null).toBe(expected);
    if (mapped) expect(isLocalFault(mapped)).toBe(true);
  });

  it('keeps the path the file system named', () => {
    expect(toLocalFault(fault('ENOSPC', { path: '/data/blobs/x' }))?.details).toMatchObject({ path: '/data/blobs/x', cause: 'ENOSPC' });
  });

  it('leaves a socket’s EACCES/EPERM (a firewall) to the network', () => {
    expect(toLocalFault(fault('EPERM', { syscall: 'connect', address: '192.0.2.1', port: 993 }))).toBeNull();
    expect(toLocalFault(fault('EACCES', { syscall: 'connect', address: '192.0.2.1', port: 25 }))).toBeNull();
    expect(toLocalFault(fault('EACCES', { syscall: 'open', path: '/data/wren.sqlite' }))?.code).toBe('DataReadOnly');
  });

  it('leaves WrenErrors and code-less errors alone', () => {
    expect(toLocalFault(new WrenError('Timeout', 'slow'))).toBeNull();
    expect(toLocalFault(new Error('plain'))).toBeNull();
    expect(isLocalFault(new WrenError('ConnectionLost', 'x'))).toBe(false);
  });
});
