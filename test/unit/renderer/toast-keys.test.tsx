// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastList } from '../../../src-renderer/components/Toasts';
import { ToastProvider, useToasts, type Toast } from '../../../src-renderer/components/Toasts/toast-context';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-context';

let toasts: ReturnType<typeof useToasts>;
function Grab() {
  toasts = useToasts();
  return null;
}

const failed = (subject: string, key?: string): Omit<Toast, 'id'> => ({ tone: 'error', key, lines: [{ key: 'outbox.failed', values: { subject } }] });
const shown = () => screen.queryAllByTestId('toast-error').map((toast) => toast.textContent);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  render(
    <I18nProvider language="en">
      <ToastProvider>
        <Grab />
        <ToastList />
      </ToastProvider>
    </I18nProvider>,
  );
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('toasts about one thing (a key)', () => {
  it('a newer one takes the older one’s place, even when another is dismissed in the same moment; others stay', () => {
    act(() => {
      toasts.show(failed('A', 'outbox:1'));
      toasts.show(failed('B', 'outbox:2'));
      toasts.show(failed('Unkeyed'));
      toasts.show(failed('Unkeyed'));
    });
    act(() => {
      toasts.dismissKey('outbox:2');
      toasts.show(failed('A again', 'outbox:1'));
    });
    expect(shown()).toEqual(['“Unkeyed” could not be sent.×', '“Unkeyed” could not be sent.×', '“A again” could not be sent.×']);
    // The replaced toast's timer went with it: the new one lasts its whole time.
    act(() => void vi.advanceTimersByTime(14_000));
    act(() => toasts.show(failed('A once more', 'outbox:1')));
    act(() => void vi.advanceTimersByTime(2_000));
    expect(shown()).toEqual(['“A once more” could not be sent.×']);
  });

  it('one shown until closed (no lifetime) stays however long', () => {
    act(() => void toasts.show({ ...failed('Kept', 'outbox:3'), lifetimeMs: null }));
    act(() => void vi.advanceTimersByTime(10 * 60_000));
    expect(shown()).toEqual(['“Kept” could not be sent.×']);
    act(() => toasts.dismissKey('outbox:3'));
    expect(shown()).toEqual([]);
  });
});
