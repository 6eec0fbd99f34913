import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../../src-main/errors/error-codes';
import { combinedExitCode, EXIT, EXIT_CODES_USAGE, exitCodeFor } from '../../../src-main/cli/exit-codes';

describe('wren exit codes', () => {
  it.each<[ErrorCode, number]>([
    ['BadRequest', 2],
    ['FolderNameInvalid', 2],
    ['NotFound', 1],
    ['ServerSaid', 1],
    ['ServerProtocolError', 1],
    ['TlsUntrusted', 1],
    ['DiskFull', 1],
    ['Internal', 70],
    ['ConnectionRefused', 75],
    ['HostNotFound', 75],
    ['ConnectionLost', 75],
    ['Offline', 75],
    ['ServerThrottled', 75],
    ['Pop3InUse', 75],
    ['DatabaseBusy', 75],
    ['SmtpDeferred', 75],
    ['AuthFailed', 77],
    ['OAuth2Rejected', 77],
  ])('%s exits %i', (code, exit) => {
    expect(exitCodeFor(code)).toBe(exit);
  });

  it('gives every error code an exit code that wren --help explains, and never 0 or the interrupt code', () => {
    const explained = [...EXIT_CODES_USAGE.matchAll(/^ {2}(\d+) /gm)].map((match) => Number(match[1]));
    expect(explained.sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
    for (const code of ERROR_CODES) {
      expect(explained, code).toContain(exitCodeFor(code));
      expect([EXIT.ok, EXIT.interrupted], code).not.toContain(exitCodeFor(code));
    }
  });

  it('combines several outcomes: 0 when all went well, the shared code when the failures agree, else 1', () => {
    expect(combinedExitCode([])).toBe(0);
    expect(combinedExitCode([0, 0])).toBe(0);
    expect(combinedExitCode([0, 75, 75])).toBe(75);
    expect(combinedExitCode([77, 0])).toBe(77);
    expect(combinedExitCode([75, 77])).toBe(1);
    expect(combinedExitCode([2, 1])).toBe(1);
  });
});
