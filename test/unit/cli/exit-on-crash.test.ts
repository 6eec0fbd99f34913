import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { exitOnCrash } from '../../../src-main/cli/exit-on-crash';
import { EXIT } from '../../../src-main/cli/exit-codes';

describe('exitOnCrash', () => {
  function crashed(event: string, reason: unknown) {
    const target = new EventEmitter();
    let written = '';
    const codes: number[] = [];
    exitOnCrash(target, { write: (text: string) => ((written += text), true) }, (code) => codes.push(code));
    target.emit(event, reason);
    return { written, codes };
  }

  it('calls an uncaught error a bug in Wren, with its stack, and ends with 70 rather than the "refused" 1', () => {
    const { written, codes } = crashed('uncaughtException', new TypeError('The database connection is not open'));
    expect(codes).toEqual([EXIT.bug]);
    expect(written).toMatch(/^wren: this is a bug in Wren, it stopped: TypeError: The database connection is not open\n\s+at /);
  });

  it('does the same for a promise nobody awaited, whatever it was rejected with', () => {
    const { written, codes } = crashed('unhandledRejection', 'no Error at all');
    expect(codes).toEqual([70]);
    expect(written).toBe('wren: this is a bug in Wren, it stopped: no Error at all\n');
  });
});
