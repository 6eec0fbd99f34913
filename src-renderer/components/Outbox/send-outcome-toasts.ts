import type { ErrorCode } from '../../../src-main/errors/error-codes';
import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import type { Toast } from '../Toasts/toast-context';
import type { ToastLine } from '../Toasts/toast-line';
import { quotedSubject } from './outbox-state-words';

export type SendOutcomeToast = Omit<Toast, 'id'>;

/**
 * A first try that failed for one of these is not said: sending while the network is down is what the
 * outbox is for (the connection banner says it), and Work Offline is the user's own choice.
 */
const UNREACHED: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['Offline', 'WorkingOffline', 'HostNotFound', 'ConnectionRefused', 'Timeout', 'ConnectionLost', 'ServerStalled']);

/** All toasts about one message share this key: a newer one takes the older one's place. */
export function sendOutcomeKey(outboxId: number): string {
  return `outbox:${outboxId}`;
}

/** What a message still in the outbox has to say: why it did not go, or nothing (waiting, sending, or retrying quietly). */
export function unsentToast(entry: OutboxEntryView, takeBack: (outboxId: number) => void): SendOutcomeToast | null {
  return entry.state === 'failed' || entry.state === 'unknown' ? failedToast(entry, takeBack) : firstRetryToast(entry);
}

function failedToast(entry: OutboxEntryView, takeBack: (outboxId: number) => void): SendOutcomeToast {
  const values = { subject: quotedSubject(entry) };
  return {
    tone: 'error',
    key: sendOutcomeKey(entry.id),
    lines: [
      { key: entry.state === 'failed' ? 'outbox.failed' : 'outbox.unknown', values },
      ...(entry.error ? [{ error: entry.error, context: 'background' as const }] : []),
      // A raw message (`wren send --raw`) has nothing to reopen: taken back, it would be lost. It stays in the Outbox.
      ...(entry.editable ? [{ key: 'outbox.takeBack' as const }] : []),
    ],
    undo: entry.editable ? () => takeBack(entry.id) : undefined,
    undoLabel: 'outbox.edit',
  };
}

/**
 * A server that answered but did not take the message (a 4xx: mailbox busy, try later; throttled; the
 * password refused) is said once, after the first try, as Thunderbird says every failed send; the outbox
 * then retries by itself, and its row keeps the reason and the next try's time.
 */
function firstRetryToast(entry: OutboxEntryView): SendOutcomeToast | null {
  if (entry.state !== 'queued' || entry.attempts !== 1 || !entry.error || UNREACHED.has(entry.error.code)) return null;
  const values = { subject: quotedSubject(entry) };
  return {
    tone: 'error',
    key: sendOutcomeKey(entry.id),
    lines: [
      entry.nextAttemptAt === null ? { key: 'outbox.notSentYet', values } : { key: 'outbox.notSentYetRetryAt', values, dates: { time: entry.nextAttemptAt } },
      { error: entry.error, context: 'background' },
    ],
  };
}

/**
 * Sent, but not to everyone: the server refused some recipients (a mistyped address) and took it for the
 * others. The message then leaves the Outbox and is in Sent as any other, so this toast is the only place
 * the user learns who did not get it: it names them with the server's words, and stays until closed.
 */
export function refusedToast(entry: OutboxEntryView): SendOutcomeToast | null {
  if (entry.state !== 'sent' || entry.refused.length === 0) return null;
  const refusedLines = entry.refused.map(({ address, reply }): ToastLine =>
    reply ? { key: 'outbox.refusedRecipient', values: { address, reply } } : { key: 'outbox.refusedRecipientNoReply', values: { address } },
  );
  return {
    tone: 'error',
    key: sendOutcomeKey(entry.id),
    lines: [{ key: 'outbox.refused', values: { subject: quotedSubject(entry), count: entry.refused.length } }, ...refusedLines],
    lifetimeMs: null,
  };
}
