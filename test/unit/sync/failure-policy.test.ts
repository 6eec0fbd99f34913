import { describe, expect, it } from 'vitest';
import { WrenError } from '../../../src-main/errors/wren-error';
import { failureOutcome } from '../../../src-main/sync/failure-policy';

const NOW = 1_000_000;

describe('failureOutcome', () => {
  it('takes a lost connection for offline, retried with a growing backoff that stops growing at 10 minutes', () => {
    const lost = new WrenError('ConnectionLost', 'cut');
    const delays = [0, 1, 2, 3, 4, 5, 9].map((attempt) => failureOutcome(lost, attempt, true, NOW).retryInMs);
    expect(delays).toEqual([15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 600_000]);
    expect(failureOutcome(lost, 0, true, NOW)).toMatchObject({ status: { state: 'offline', retryAt: NOW + 15_000 }, backsOff: true });
  });

  it('keeps an account the CLI synced only once offline without a retry', () => {
    expect(failureOutcome(new WrenError('Timeout', 'slow'), 0, false, NOW)).toMatchObject({ status: { state: 'offline', retryAt: null }, retryInMs: null, backsOff: true });
  });

  it('waits as long as a throttling server asked when that is longer than the backoff', () => {
    const throttled = new WrenError('ServerThrottled', 'slow down', { retryAfterMs: 90_000 });
    expect(failureOutcome(throttled, 0, true, NOW)).toMatchObject({ status: { state: 'error', retryAt: NOW + 90_000 }, retryInMs: 90_000, backsOff: true });
  });

  it('retries a busy database once after two minutes without growing the backoff', () => {
    expect(failureOutcome(new WrenError('DatabaseBusy', 'held'), 3, true, NOW)).toMatchObject({ retryInMs: 120_000, backsOff: false, status: { state: 'error' } });
  });

  it('does not retry on a timer what a retry cannot help: a refused login, a full disk, a server that broke its protocol, a bug', () => {
    for (const code of ['AuthFailed', 'DiskFull', 'ServerProtocolError', 'Internal'] as const) {
      expect(failureOutcome(new WrenError(code, 'no'), 0, true, NOW)).toMatchObject({ status: { state: 'error', retryAt: null }, retryInMs: null, backsOff: false });
    }
  });

  it('takes garbage from a server for the server’s fault, not for offline, however often it comes', () => {
    const garbage = new WrenError('ServerProtocolError', 'not POP3', { host: 'pop.example', serverText: '* OK IMAP4rev1 ready' });
    for (const attempt of [0, 3, 9]) {
      expect(failureOutcome(garbage, attempt, true, NOW)).toEqual({
        status: { state: 'error', error: garbage.toShape(), retryAt: null }, retryInMs: null, backsOff: false,
      });
    }
  });
});
