import { useCallback, useRef } from 'react';
import { useClientEvent } from '../../hooks/use-client-event';
import { useToasts, type Toast } from '../Toasts/toast-context';

/**
 * Shows a toast whose Undo takes a message back from the outbox, for as long
 * as the message still waits there (its undo delay, or its scheduled time).
 * Sent meanwhile ("Send now" in the Outbox view, or from another window), or
 * taken back elsewhere, the toast goes: its Undo could only say it is too late.
 */
export function useUndoWhileWaiting(): (outboxId: number, toast: Omit<Toast, 'id'>) => void {
  // The two functions, not the context value: that changes with every toast shown, and so would the callback returned.
  const { show, dismiss } = useToasts();
  const shown = useRef(new Map<number, number>());
  useClientEvent('outbox.changed', ({ entry, removed }) => {
    const toastId = shown.current.get(entry.id);
    if (toastId === undefined || (!removed && entry.state === 'waiting')) return;
    shown.current.delete(entry.id);
    dismiss(toastId);
  });
  return useCallback((outboxId, toast) => {
    shown.current.set(outboxId, show(toast));
  }, [show]);
}
