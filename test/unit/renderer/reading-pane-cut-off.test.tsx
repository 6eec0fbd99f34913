// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageView } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { CUT_OFF_RETRY_DELAYS_MS, nextCutOffRetry } from '../../../src-renderer/components/ReadingPane/use-cut-off-retry';
import { FakeClient, failure, renderWithClient } from './fake-client';
import { ACCOUNT, FOLDERS, MESSAGE, SUMMARY } from './mail-fixtures';
import { settingsCore } from './settings-core';

const CUT = { code: 'Offline' as const, message: 'cut off', details: { messageId: 100, cause: 'ConnectionLost', cutOff: true } };
const UNREACHABLE = { code: 'Offline' as const, message: 'not downloaded yet', details: { messageId: 100, cause: 'ConnectionRefused' } };

/** A core whose message 100 fails to download `cuts` times (the line dropped under it), then comes. */
function cutCore(cuts: number) {
  const row = { ...SUMMARY, id: 100, subject: 'Huge', seen: true };
  let reads = 0;
  const client = new FakeClient({
    ...settingsCore({}).handlers,
    'accounts.list': () => [ACCOUNT],
    'folders.list': ({ accountId }) => (accountId === null ? [] : FOLDERS),
    'messages.list': () => ({ total: 1, items: [row] }),
    'messages.summary': () => row,
    'messages.read': (): MessageView => (++reads <= cuts ? failure(CUT) : { ...MESSAGE, ...row, warnings: [] }),
  });
  return client;
}

const step = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

async function openTheMessage(client: FakeClient, language: 'en' | 'zh' = 'en') {
  renderWithClient(<App />, client, language);
  const rows = await screen.findAllByTestId('message-row', {}, { timeout: 10_000 });
  // Before the first answer, so the pane's own timers are the test's to move.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  fireEvent.click(rows[0]!);
  await step(0);
  expect(screen.getByTestId('body-unavailable')).toBeTruthy();
}

beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

describe('when the next try of a cut-off download is due', () => {
  it('tries soon, then less often, then leaves it to the user', () => {
    expect([0, 1, 2, 3].map((done) => nextCutOffRetry(CUT, done, false))).toEqual([2_000, 5_000, 15_000, null]);
  });

  it('never while a try is under way, and never for a server out of reach (the account coming back brings that one)', () => {
    expect(nextCutOffRetry(CUT, 0, true)).toBeNull();
    expect(nextCutOffRetry(UNREACHABLE, 0, false)).toBeNull();
    expect(nextCutOffRetry(null, 0, false)).toBeNull();
  });
});

describe('a body whose download was cut off while the account stayed online', () => {
  it('says the download was cut off and is tried again, not that the server cannot be reached, and the body comes by itself', async () => {
    const client = cutCore(2);
    await openTheMessage(client);
    const notice = screen.getByTestId('body-unavailable');
    expect(notice.textContent).toContain('was cut off before it ended; trying again');
    expect(notice.textContent).not.toContain('cannot be reached');
    expect(screen.getByTestId('retry-body')).toBeTruthy();

    await step(CUT_OFF_RETRY_DELAYS_MS[0]!);
    expect(client.callsOf('messages.read')).toHaveLength(2);
    expect(screen.getByTestId('body-unavailable').textContent).toContain('trying again');
    await step(CUT_OFF_RETRY_DELAYS_MS[1]! - 1);
    expect(client.callsOf('messages.read')).toHaveLength(2);
    await step(1);
    expect(client.callsOf('messages.read')).toHaveLength(3);
    expect(screen.getByTestId('message-text').textContent).toContain('the report is attached');
  });

  it('after the last try, says so and leaves a Try again, which still brings the body', async () => {
    const client = cutCore(4);
    await openTheMessage(client);
    for (const delay of CUT_OFF_RETRY_DELAYS_MS) await step(delay);
    expect(client.callsOf('messages.read')).toHaveLength(4);
    await step(60_000);
    expect(client.callsOf('messages.read')).toHaveLength(4);
    expect(screen.getByTestId('body-unavailable').textContent).toContain('cut off several times');
    fireEvent.click(screen.getByTestId('retry-body'));
    await step(0);
    expect(screen.getByTestId('message-text').textContent).toContain('the report is attached');
  });

  it('says so in Chinese', async () => {
    await openTheMessage(cutCore(1), 'zh');
    expect(screen.getByTestId('body-unavailable').textContent).toContain('下载在完成前被中断，正在重试');
    expect(screen.getByTestId('retry-body').textContent).toBe('重试');
  });
});
