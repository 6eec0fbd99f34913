import { describe, expect, it, vi } from 'vitest';
import { optionalWriteStarted, tryOptionalWrite } from '../../../src-main/messages/optional-write';

const fault = (code: string) => Object.assign(new Error(code), { code });

describe('optional writes while reading', () => {
  it('turns a local fault into a coded warning and keeps a bug a bug', () => {
    expect(tryOptionalWrite(() => undefined)).toBeNull();
    expect(tryOptionalWrite(() => { throw fault('SQLITE_FULL'); })).toBe('wren:DiskFull');
    expect(tryOptionalWrite(() => { throw fault('SQLITE_READONLY'); })).toBe('wren:DataReadOnly');
    expect(() => tryOptionalWrite(() => { throw new TypeError('a bug'); })).toThrow('a bug');
  });

  it('reports a started write that has already failed, and handles one that fails later', async () => {
    const failedNow = (async () => { throw fault('ENOSPC'); })();
    expect(await optionalWriteStarted(failedNow, 'test')).toBe('wren:DiskFull');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let reject!: (error: Error) => void;
    const failsLater = new Promise<void>((_resolve, rejectLater) => (reject = rejectLater));
    expect(await optionalWriteStarted(failsLater, 'test')).toBeNull();
    reject(new Error('late'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toHaveBeenCalledWith('[messages] test failed:', expect.any(Error));
    log.mockRestore();
  });
});
