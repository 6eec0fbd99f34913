// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SendLater } from '../../../src-renderer/components/Composer/send-later';
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
});
