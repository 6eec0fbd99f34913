import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StringKey } from '../../i18n/en';
import type { ToastLine } from './toast-line';

export interface Toast {
  id: number;
  tone: 'info' | 'error';
  /** Codes and values, worded when drawn (see toast-line.ts). */
  lines: ToastLine[];
  /** Offered as the toast's "Undo" button while the toast shows, and by the z shortcut until a newer action's Undo. */
  undo?: () => void;
  /** The button's words when they are not "Undo" (a failed send's is "Edit": it reopens the message). */
  undoLabel?: StringKey;
  /** How long it shows, when the action sets it (Undo send lasts as long as the message waits); null: until closed. */
  lifetimeMs?: number | null;
  /**
   * What it is about (one outbox message): a newer toast with the same key takes its place, so a message
   * failing again is said once, not stacked; `dismissKey` takes it away once it no longer holds.
   */
  key?: string;
}

/** Long enough to reach for the button, short enough not to linger (Gmail gives about as long). */
const UNDO_MS = 8_000;
const INFO_MS = 4_000;
const ERROR_MS = 15_000;

interface Toasts {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
  /** Takes away the toast shown with this key, if one shows. */
  dismissKey(key: string): void;
  /**
   * z and Ctrl+Z: runs the newest showing toast's undo, else the last action's Undo kept after its toast went
   * (see `kept`); with neither, says there is nothing to undo.
   */
  undoLatest(): void;
}

const ToastContext = createContext<Toasts | null>(null);

/** Short notices at the bottom of the window: what an action did (with Undo), or why it failed. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const latest = useRef(toasts);
  latest.current = toasts;
  const nextId = useRef(1);
  // The last undoable action stays undoable after its toast is gone, as in Thunderbird, until a newer one takes its place.
  const kept = useRef<{ id: number; undo: () => void } | null>(null);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  // Kept in step with each change at once, not at the next render: a dismiss and a show in one event both count.
  const replace = useCallback((next: Toast[]) => {
    latest.current.filter((shown) => !next.includes(shown)).forEach((gone) => {
      clearTimeout(timers.current.get(gone.id));
      timers.current.delete(gone.id);
    });
    latest.current = next;
    setToasts(next);
  }, []);

  const dismiss = useCallback((id: number) => replace(latest.current.filter((toast) => toast.id !== id)), [replace]);
  const dismissKey = useCallback((key: string) => replace(latest.current.filter((toast) => toast.key !== key)), [replace]);

  const show = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      const undo = toast.undo && once(toast.undo, () => {
        if (kept.current?.id === id) kept.current = null;
      });
      // A newer action's Undo takes the kept one's place; one not kept once its toast goes (Undo send) leaves none kept.
      if (undo && isActionUndo(toast)) kept.current = toast.lifetimeMs === undefined ? { id, undo } : null;
      // One action notice at a time: a newer action's Undo replaces the older one's; an error stays, unless this is about the same thing.
      const stays = latest.current.filter((shown) => shown.tone === 'error' && (toast.key === undefined || shown.key !== toast.key));
      replace([...stays, { ...toast, undo, id }]);
      const lifetime = toast.lifetimeMs === undefined ? (toast.tone === 'error' ? ERROR_MS : toast.undo ? UNDO_MS : INFO_MS) : toast.lifetimeMs;
      if (lifetime !== null) timers.current.set(id, setTimeout(() => dismiss(id), lifetime));
      return id;
    },
    [dismiss, replace],
  );

  const undoLatest = useCallback(() => {
    const toast = [...latest.current].reverse().find((shown) => shown.undo);
    if (toast?.undo) {
      dismiss(toast.id);
      return toast.undo();
    }
    if (kept.current) return kept.current.undo();
    show({ tone: 'info', lines: [{ key: 'toast.nothingToUndo' }] });
  }, [dismiss, show]);

  const value = useMemo(() => ({ toasts, show, dismiss, dismissKey, undoLatest }), [toasts, show, dismiss, dismissKey, undoLatest]);
  return <ToastContext.Provider value={value}>{children}</ToastContext.Provider>;
}

/** An action's Undo, not another button in its place (a failed send's Edit, Go online and send). */
function isActionUndo(toast: Omit<Toast, 'id'>): boolean {
  return toast.tone === 'info' && toast.undoLabel === undefined;
}

/** Runs at most once (the toast's button, then z, must not take an action back twice); `ran` then forgets it. */
function once(run: () => void, ran: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    ran();
    run();
  };
}

export function useToasts(): Toasts {
  const toasts = useContext(ToastContext);
  if (!toasts) throw new Error('useToasts() needs a <ToastProvider> above it');
  return toasts;
}
