import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';

/** The composer's undo delay is at most 30 s: a message held longer than that was scheduled by the user. */
const UNDO_DELAY_MAX_MS = 30_000;

export type OutboxStateWords =
  | { kind: 'scheduled'; sendAt: number }
  | { kind: 'failed' }
  | { kind: 'plain'; key: StringKey };

/**
 * How a row says where its message stands: scheduled for a time (Send
 * later), waiting (the undo delay, the network, or a retry due), sending,
 * failed (the server's words are added from the error), or unknown.
 */
export function outboxStateWords(entry: OutboxEntryView): OutboxStateWords {
  switch (entry.state) {
    case 'waiting':
      return entry.sendAt !== null && entry.sendAt - entry.createdAt > UNDO_DELAY_MAX_MS ? { kind: 'scheduled', sendAt: entry.sendAt } : { kind: 'plain', key: 'outbox.state.waiting' };
    case 'queued':
      return { kind: 'plain', key: entry.error?.code === 'WorkingOffline' ? 'outbox.state.workingOffline' : 'outbox.state.waiting' };
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

/** The subject as toasts and dialogs quote it about an outbox message (a dash when it has none). */
export function quotedSubject(entry: OutboxEntryView): string {
  return entry.subject.trim() || '—';
}
