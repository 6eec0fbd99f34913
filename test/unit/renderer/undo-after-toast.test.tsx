// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastList } from '../../../src-renderer/components/Toasts';
import { ToastProvider, useToasts, type Toast } from '../../../src-renderer/components/Toasts/toast-context';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-context';
import type { Language } from '../../../src-renderer/i18n/language';

let toasts: ReturnType<typeof useToasts>;
function Grab() {
  toasts = useToasts();
  return null;
}

const action = (undo: () => void): Omit<Toast, 'id'> => ({ tone: 'info', lines: [{ key: 'done.undone' }], undo });
const said = () => screen.queryAllByTestId('toast').map((toast) => toast.querySelector('.toast__text')?.textContent);
const gone = () => act(() => void vi.advanceTimersByTime(60_000));

function renderToasts(language: Language = 'en') {
  render(
    <I18nProvider language={language}>
      <ToastProvider>
        <Grab />
        <ToastList />
      </ToastProvider>
    </I18nProvider>,
  );
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('z and Ctrl+Z once the Undo toast has gone', () => {
  it('the last action stays undoable, once, until a newer action takes its place', () => {
    renderToasts();
    const first = vi.fn();
    const second = vi.fn();
    act(() => void toasts.show(action(first)));
    act(() => void toasts.show(action(second)));
    gone();
    expect(said()).toEqual([]);
    act(() => toasts.undoLatest());
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
    // Undone already: not undone again, and the user is told there is nothing left.
    act(() => toasts.undoLatest());
    expect(second).toHaveBeenCalledTimes(1);
    expect(said()).toEqual(['Nothing to undo']);
  });

  it('an Undo clicked in its toast is not kept to be run again by z', () => {
    renderToasts();
    const undo = vi.fn();
    act(() => void toasts.show(action(undo)));
    fireEvent.click(screen.getByTestId('toast-undo'));
    gone();
    act(() => toasts.undoLatest());
    expect(undo).toHaveBeenCalledTimes(1);
    expect(said()).toEqual(['Nothing to undo']);
  });

  it('keeps no Undo send (gone once the message is sent) and no error\'s Edit, and a send leaves no older action to undo', () => {
    renderToasts();
    const move = vi.fn();
    const unsend = vi.fn();
    const edit = vi.fn();
    act(() => void toasts.show(action(move)));
    act(() => void toasts.show({ ...action(unsend), lifetimeMs: 5_000 }));
    act(() => void toasts.show({ tone: 'error', lines: [{ key: 'done.undone' }], undo: edit, undoLabel: 'outbox.edit' }));
    gone();
    act(() => toasts.undoLatest());
    expect([move, unsend, edit].map((each) => each.mock.calls.length)).toEqual([0, 0, 0]);
    expect(said()).toEqual(['Nothing to undo']);
  });

  it('says there is nothing to undo in Chinese', () => {
    renderToasts('zh');
    act(() => toasts.undoLatest());
    expect(said()).toEqual(['没有可撤销的操作']);
  });
});
