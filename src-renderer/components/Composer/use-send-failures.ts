import type { ErrorCode } from '../../../src-main/errors/error-codes';
import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import { useClientEvent } from '../../hooks/use-client-event';
import { useToasts, type Toast } from '../Toasts/toast-context';
import { quotedSubject } from '../Outbox/outbox-state-words';

/**
 * A first try that failed for one of these is not said: sending while the network is down is what the
 * outbox is for (the connection banner says it), and Work Offline is the user's own choice.
 */
const UNREACHED: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['Offline', 'WorkingOffline', 'HostNotFound', 'ConnectionRefused', 'Timeout', 'ConnectionLost', 'ServerStalled']);

/**
 * A message the outbox could not send (the server refused it for good) or cannot
 * tell whether it sent (the connection was cut before the server's answer) was
 * said nowhere: it sat in the outbox unseen. It is said in a toast now, whose
 * Undo takes it out of the outbox and back into the composer, to correct and
 * send again, or discard. A first try the server turned down for now is said too.
 */
export function useSendFailures(takeBack: (outboxId: number) => void): void {
  const toasts = useToasts();
  useClientEvent('outbox.changed', ({ entry, removed }) => {
    if (removed) return;
    const toast = entry.state === 'failed' || entry.state === 'unknown' ? failedToast(entry, takeBack) : firstRetryToast(entry);
    if (toast) toasts.show(toast);
  });
}

function failedToast(entry: OutboxEntryView, takeBack: (outboxId: number) => void): Omit<Toast, 'id'> {
  const values = { subject: quotedSubject(entry) };
  return {
    tone: 'error',
    lines: [
      { key: entry.state === 'failed' ? 'outbox.failed' : 'outbox.unknown', values },
      ...(entry.error ? [{ error: entry.error, context: 'background' as const }] : []),
      // A raw message (`wren send --raw`) has nothing to reopen: taken back, it would be lost. It stays in the Outbox.
      ...(entry.editable ? [{ key: 'outbox.takeBack' as const }] : []),
    ],
    undo: entry.editable ? () => takeBack(entry.id) : undefined,
  };
}

/**
 * A server that answered but did not take the message (a 4xx: mailbox busy, try later; throttled; the
 * password refused) is said once, after the first try, as Thunderbird says every failed send; the outbox
 * then retries by itself, and its row keeps the reason and the next try's time.
 */
function firstRetryToast(entry: OutboxEntryView): Omit<Toast, 'id'> | null {
  if (entry.state !== 'queued' || entry.attempts !== 1 || !entry.error || UNREACHED.has(entry.error.code)) return null;
  const values = { subject: quotedSubject(entry) };
  return {
    tone: 'error',
    lines: [
      entry.nextAttemptAt === null ? { key: 'outbox.notSentYet', values } : { key: 'outbox.notSentYetRetryAt', values, dates: { time: entry.nextAttemptAt } },
      { error: entry.error, context: 'background' },
    ],
  };
}
