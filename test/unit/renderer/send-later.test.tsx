// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SendLater } from '../../../src-renderer/components/Composer/send-later';
import { formatFullDate } from '../../../src-renderer/format/format-date';
import { localeFor } from '../../../src-renderer/i18n/language';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(cleanup);

describe('Send later', () => {
  it('hands the focus to the time when it opens and back to "Send later…" when cancelled (each removes the focused button)', () => {
    renderWithClient(<SendLater onSchedule={() => undefined} />, new FakeClient({}));
    const opener = screen.getByTestId('compose-send-later');
    opener.focus();
    fireEvent.click(opener);
    expect(document.activeElement).toBe(screen.getByTestId('compose-send-at'));
    fireEvent.click(screen.getByTestId('compose-send-later-cancel'));
    expect(document.activeElement).toBe(screen.getByTestId('compose-send-later'));
  });

  it('Escape in the time cancels it, back to "Send later…", and goes no further (the composer around closes on Escape)', () => {
    const reachedComposer: string[] = [];
    renderWithClient(
      <div onKeyDown={(event) => reachedComposer.push(event.key)}>
        <SendLater onSchedule={() => undefined} />
      </div>,
      new FakeClient({}),
    );
    fireEvent.click(screen.getByTestId('compose-send-later'));
    fireEvent.keyDown(screen.getByTestId('compose-send-at'), { key: 'Escape' });
    expect(screen.queryByTestId('compose-send-at')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('compose-send-later'));
    expect(reachedComposer).toEqual([]);
  });

  it('opens again at its start after a cancel, not at the time typed before (a past one would leave Schedule disabled)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(2099, 4, 4, 8, 30));
      renderWithClient(<SendLater onSchedule={() => undefined} />, new FakeClient({}));
      const open = () => fireEvent.click(screen.getByTestId('compose-send-later'));
      const time = () => (screen.getByTestId('compose-send-at') as HTMLInputElement).value;
      open();
      expect(time()).toBe('2099-05-04T09:30');
      fireEvent.change(screen.getByTestId('compose-send-at'), { target: { value: '2001-01-01T08:00' } });
      fireEvent.click(screen.getByTestId('compose-send-later-cancel'));
      open();
      expect(time()).toBe('2099-05-04T09:30');
      expect((screen.getByTestId('compose-schedule') as HTMLButtonElement).disabled).toBe(false);
      // Escape cancels as well; and an hour from now is counted when it opens, not when the composer did.
      fireEvent.change(screen.getByTestId('compose-send-at'), { target: { value: '2001-01-01T08:00' } });
      fireEvent.keyDown(screen.getByTestId('compose-send-at'), { key: 'Escape' });
      vi.setSystemTime(new Date(2099, 4, 4, 11, 0));
      open();
      expect(time()).toBe('2099-05-04T12:00');
    } finally {
      vi.useRealTimers();
    }
  });

  it('schedules at the chosen local time, and refuses a time in the past', () => {
    const onSchedule = vi.fn<(at: number) => void>();
    renderWithClient(<SendLater onSchedule={onSchedule} />, new FakeClient({}));
    fireEvent.click(screen.getByTestId('compose-send-later'));
    fireEvent.change(screen.getByTestId('compose-send-at'), { target: { value: '2001-01-01T08:00' } });
    expect((screen.getByTestId('compose-schedule') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('compose-send-at'), { target: { value: '2099-05-04T08:30' } });
    fireEvent.click(screen.getByTestId('compose-schedule'));
    expect(onSchedule).toHaveBeenCalledWith(new Date(2099, 4, 4, 8, 30).getTime());
  });

  it('starts at the time a message taken back out of the outbox had been scheduled for, unless that time has passed', () => {
    const onSchedule = vi.fn<(at: number) => void>();
    const at = new Date(2099, 4, 4, 8, 30).getTime();
    renderWithClient(<SendLater onSchedule={onSchedule} initialAt={at} />, new FakeClient({}));
    fireEvent.click(screen.getByTestId('compose-send-later'));
    expect((screen.getByTestId('compose-send-at') as HTMLInputElement).value).toBe('2099-05-04T08:30');
    fireEvent.click(screen.getByTestId('compose-schedule'));
    expect(onSchedule).toHaveBeenCalledWith(at);
    cleanup();

    // A time gone by is no start: an hour from now, as for a new message, which can be scheduled at once.
    renderWithClient(<SendLater onSchedule={() => undefined} initialAt={new Date(2001, 0, 1, 8, 0).getTime()} />, new FakeClient({}));
    fireEvent.click(screen.getByTestId('compose-send-later'));
    const start = new Date((screen.getByTestId('compose-send-at') as HTMLInputElement).value).getTime();
    expect(start).toBeGreaterThan(Date.now() + 58 * 60 * 1000);
    expect((screen.getByTestId('compose-schedule') as HTMLButtonElement).disabled).toBe(false);
  });

  it("says the chosen time in Wren's language under the control (which draws it in the browser's locale), or why it cannot be chosen", () => {
    const at = new Date(2099, 4, 4, 8, 30).getTime();
    for (const [language, words, past] of [
      ['en', `To be sent ${formatFullDate(at, localeFor('en'))}`, 'Pick a time later than now.'],
      ['zh', `将于 ${formatFullDate(at, localeFor('zh'))} 发送`, '请选择晚于现在的时间。'],
    ] as const) {
      renderWithClient(<SendLater onSchedule={() => undefined} />, new FakeClient({}), language);
      fireEvent.click(screen.getByTestId('compose-send-later'));
      const input = screen.getByTestId('compose-send-at');
      fireEvent.change(input, { target: { value: '2099-05-04T08:30' } });
      const said = screen.getByTestId('compose-send-at-words');
      expect(said.textContent).toBe(words);
      expect(input.getAttribute('aria-describedby')).toBe(said.id);
      fireEvent.change(input, { target: { value: '2001-01-01T08:00' } });
      expect(said.textContent).toBe(past);
      cleanup();
    }
    // The Chinese words are the Chinese date, not the English one.
    expect(formatFullDate(at, localeFor('zh'))).toMatch(/^2099年5月4日星期一/);
  });
});
