import { describe, expect, it } from 'vitest';
import { throttleRetryWait } from '../../../src-main/imap/run-fetch';

describe('throttleRetryWait: a throttled header FETCH is asked again as imapflow\'s fetch() would', () => {
  it('waits the longer of the server\'s hint and a doubling back-off, less what imapflow already waited', () => {
    expect(throttleRetryWait({ code: 'ETHROTTLE', throttleReset: 150, throttleWaited: 150 }, 0)).toBe(850);
    expect(throttleRetryWait({ code: 'ETHROTTLE', throttleReset: 5000, throttleWaited: 5000 }, 1)).toBe(0);
    expect(throttleRetryWait({ code: 'ETHROTTLE' }, 2)).toBe(4000);
    expect(throttleRetryWait({ code: 'ETHROTTLE', throttleReset: 3_600_000 }, 0)).toBe(30_000);
  });

  it('gives up after three retries, and never retries anything but throttling', () => {
    expect(throttleRetryWait({ code: 'ETHROTTLE' }, 3)).toBeNull();
    expect(throttleRetryWait({ code: 'NoConnection' }, 0)).toBeNull();
    expect(throttleRetryWait(Object.assign(new Error('NO'), { responseStatus: 'NO' }), 0)).toBeNull();
    expect(throttleRetryWait(undefined, 0)).toBeNull();
  });
});
