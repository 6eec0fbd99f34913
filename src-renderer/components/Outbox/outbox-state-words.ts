import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { scheduledTime, type OutboxEntryView } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import type { Translate } from '../../i18n/translate';
import { formatTime } from '../../format/format-date';

export type OutboxStateWords =
  | { kind: 'scheduled'; sendAt: number }
  | { kind: 'failed' }
  | { kind: 'retrying'; error: ErrorShape; nextAttemptAt: number | null; attempts: number }
  | { kind: 'plain'; key: StringKey };

/**
 * How a row says where its message stands: scheduled for a time (Send
 * later), waiting (the undo delay, its turn, or the user's Work Offline), retrying
 * after a send that did not go (the server unreachable, a 4xx: the reason is
 * added from the error), sending, failed (the server's words are added from
 * the error), or unknown.
 */
export function outboxStateWords(entry: OutboxEntryView): OutboxStateWords {
  switch (entry.state) {
    case 'waiting': {
      // Held longer than any undo delay: the user's Send later (the rule the core uses when it gives the time back).
      const sendAt = scheduledTime(entry);
      return sendAt !== null ? { kind: 'scheduled', sendAt } : { kind: 'plain', key: 'outbox.state.waiting' };
    }
    case 'queued':
      if (!entry.error) return { kind: 'plain', key: 'outbox.state.waiting' };
      // Working offline is the user's own choice, not a fault: only how it ends is said.
      if (entry.error.code === 'WorkingOffline') return { kind: 'plain', key: 'outbox.state.workingOffline' };
      // A queued row keeps the error of its last try: "Waiting to send" alone would hide that it did not go, and why.
      return { kind: 'retrying', error: entry.error, nextAttemptAt: entry.nextAttemptAt, attempts: entry.attempts };
    case 'sending':
      return { kind: 'plain', key: 'outbox.state.sending' };
    case 'failed':
      return { kind: 'failed' };
    case 'unknown':
      return { kind: 'plain', key: 'outbox.state.unknown' };
    case 'sent':
      return { kind: 'plain', key: 'outbox.state.sending' };
  }
}

/**
 * When a message that did not go is tried again: at its next attempt's time,
 * or now (Send now, or a time already past, which the runner is working on).
 */
export function retryWhenWords(t: Translate, locale: string, retry: { nextAttemptAt: number | null; attempts: number }, now = Date.now()): string {
  const { nextAttemptAt, attempts } = retry;
  if (nextAttemptAt !== null && nextAttemptAt > now) return t('outbox.state.retryAt', { time: formatTime(nextAttemptAt, locale), attempts });
  return t('outbox.state.retryNow', { attempts });
}

/** The subject as toasts and dialogs quote it about an outbox message (a dash when it has none). */
export function quotedSubject(entry: OutboxEntryView): string {
  return entry.subject.trim() || '—';
}
