import type { Store } from '../store/store';

/**
 * The stored message a reopened draft answers: the one of the draft's account whose Message-ID its In-Reply-To
 * names, outside Drafts; one with a UID (on the server) first. A draft keeps no other trace of its original,
 * and a forward has no In-Reply-To, so a draft that names one is a reply. Null when the original is not here.
 */
export function answeredOriginal(store: Store, accountId: number, inReplyTo: string | null): number | null {
  if (!inReplyTo) return null;
  const id = store.db
    .prepare(
      `SELECT m.id FROM messages m JOIN folders f ON f.id = m.folder_id
       WHERE m.message_id = ? AND f.account_id = ? AND f.role IS NOT 'drafts' ORDER BY m.uid IS NULL, m.id LIMIT 1`,
    )
    .pluck()
    .get(inReplyTo, accountId) as number | undefined;
  return id ?? null;
}
