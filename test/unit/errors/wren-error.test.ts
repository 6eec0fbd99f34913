import { afterEach, describe, expect, it, vi } from 'vitest';
import { WrenError, isUnreachable, toErrorShape, toWrenError } from '../../../src-main/errors/wren-error';

const coded = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('toErrorShape at a boundary (requests, the sync worker)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps a WrenError as it is', () => {
    expect(toErrorShape(new WrenError('Timeout', 'slow', { host: 'h' }))).toEqual({ code: 'Timeout', message: 'slow', details: { host: 'h' } });
  });

  it('gives a raw local fault its own code and the words of its kind', () => {
    expect(toErrorShape(coded('ENOSPC'))).toMatchObject({ code: 'DiskFull', message: expect.stringMatching(/disk is full/), details: { cause: 'ENOSPC' } });
    expect(toErrorShape(coded('SQLITE_READONLY'))).toMatchObject({ code: 'DataReadOnly' });
  });

  it('makes anything else Internal and logs its stack', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bug = new RangeError('index out of range');
    expect(toErrorShape(bug)).toEqual({ code: 'Internal', message: 'index out of range' });
    expect(log).toHaveBeenCalledWith(expect.any(String), bug.stack);
  });

  it('does not log what it already knows', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    toWrenError(new WrenError('AuthFailed', 'no'));
    toWrenError(coded('EROFS'));
    expect(log).not.toHaveBeenCalled();
  });
});

describe('isUnreachable', () => {
  it('is true for network faults only', () => {
    for (const code of ['ConnectionLost', 'Timeout', 'HostNotFound', 'ConnectionRefused', 'ServerStalled'] as const) expect(isUnreachable(new WrenError(code, 'x'))).toBe(true);
    for (const code of ['DiskFull', 'DataReadOnly', 'DatabaseBusy', 'Internal', 'AuthFailed'] as const) expect(isUnreachable(new WrenError(code, 'x'))).toBe(false);
  });
});
