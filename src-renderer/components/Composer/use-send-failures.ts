import { useClientEvent } from '../../hooks/use-client-event';
import { useToasts } from '../Toasts/toast-context';
import { quotedSubject } from '../Outbox/outbox-state-words';

/**
 * A message the outbox could not send (the server refused it for good) or cannot
 * tell whether it sent (the connection was cut before the server's answer) was
 * said nowhere: it sat in the outbox unseen. It is said in a toast now, whose
 * Undo takes it out of the outbox and back into the composer, to correct and
 * send again, or discard.
 */
export function useSendFailures(takeBack: (outboxId: number) => void): void {
  const toasts = useToasts();
  useClientEvent('outbox.changed', ({ entry, removed }) => {
    if (removed || (entry.state !== 'failed' && entry.state !== 'unknown')) return;
    const values = { subject: quotedSubject(entry) };
    toasts.show({
      tone: 'error',
      lines: [
        { key: entry.state === 'failed' ? 'outbox.failed' : 'outbox.unknown', values },
        ...(entry.error ? [{ error: entry.error, context: 'background' as const }] : []),
        // A raw message (`wren send --raw`) has nothing to reopen: taken back, it would be lost. It stays in the Outbox.
        ...(entry.editable ? [{ key: 'outbox.takeBack' as const }] : []),
      ],
      undo: entry.editable ? () => takeBack(entry.id) : undefined,
    });
  });
}
