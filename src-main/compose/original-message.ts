import type { ComposeOrigin } from '../ipc/compose-shapes';
import type { Store } from '../store/store';

/**
 * The stored message of an account that a reopened draft names by Message-ID (its In-Reply-To, its
 * X-Forwarded-Message-Id), outside Drafts; one with a UID (on the server) first. A draft keeps no other trace
 * of the message it answers or forwards. Null when that message is not here.
 */
export function originalByMessageId(store: Store, accountId: number, messageId: string | null): number | null {
  if (!messageId) return null;
  const id = store.db
    .prepare(
      `SELECT m.id FROM messages m JOIN folders f ON f.id = m.folder_id
       WHERE m.message_id = ? AND f.account_id = ? AND f.role IS NOT 'drafts' ORDER BY m.uid IS NULL, m.id LIMIT 1`,
    )
    .pluck()
    .get(messageId, accountId) as number | undefined;
  return id ?? null;
}

/**
 * The Message-ID a forward names its original by (X-Forwarded-Message-Id, as Thunderbird writes it): the
 * stored original's, so that the forward's draft, reopened, can find it again and mark it $Forwarded once sent.
 * Null for anything but a forward, or an original that is gone or has no Message-ID.
 */
export function forwardedMessageIdOf(store: Store, origin: ComposeOrigin | null): string | null {
  if (origin?.kind !== 'forward' && origin?.kind !== 'forwardAttachment') return null;
  return store.messages.get(origin.messageId)?.messageId ?? null;
}
