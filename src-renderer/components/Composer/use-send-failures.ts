import { useRef } from 'react';
import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import { useClientEvent } from '../../hooks/use-client-event';
import { useToasts } from '../Toasts/toast-context';
import { refusedToast, sendOutcomeKey, unsentToast } from '../Outbox/send-outcome-toasts';

/**
 * A message the outbox could not send (the server refused it for good) or cannot
 * tell whether it sent (the connection was cut before the server's answer) was
 * said nowhere: it sat in the outbox unseen. It is said in a toast now, whose
 * Undo takes it out of the outbox and back into the composer, to correct and
 * send again, or discard. A first try the server turned down for now is said too,
 * and so are the recipients the server refused of a message it took for the others.
 *
 * One toast per message: a newer outcome takes the older one's place, and a toast
 * that no longer holds goes (the message was retried, taken back, deleted or sent),
 * so no Undo is left that reaches for a message no longer there.
 */
export function useSendFailures(takeBack: (outboxId: number) => void): void {
  const toasts = useToasts();
  // "Sent" is announced more than once (its Sent copy filed, the row removed): its refusals are said once.
  const refusalsSaid = useRef(new Set<number>());

  const sayRefusals = (entry: OutboxEntryView) => {
    if (refusalsSaid.current.has(entry.id)) return;
    const toast = refusedToast(entry);
    if (!toast) return toasts.dismissKey(sendOutcomeKey(entry.id));
    refusalsSaid.current.add(entry.id);
    toasts.show(toast);
  };

  useClientEvent('outbox.changed', ({ entry, removed }) => {
    if (entry.state === 'sent') return sayRefusals(entry);
    const toast = removed ? null : unsentToast(entry, takeBack);
    if (toast) toasts.show(toast);
    else toasts.dismissKey(sendOutcomeKey(entry.id));
  });
}
