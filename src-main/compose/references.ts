import { normalizeMessageId } from '../mime/header-fields';

/** The Message-IDs in a References or In-Reply-To header, in order, with their angle brackets. */
export function parseMessageIds(value: string | null | undefined): string[] {
  return (value ?? '').match(/<[^<>\s]+>/g) ?? [];
}

/** Long threads keep the first (the thread's root) and the latest ones; servers and clients cut a References header too long to fold. */
const MAX_REFERENCES = 30;

/**
 * References for an answer (RFC 5322 3.6.4): the parent's References (or,
 * without them, its In-Reply-To), then the parent's own Message-ID.
 */
export function replyReferences(parent: { messageId: string | null; references: string[]; inReplyTo: string | null }): string[] {
  const own = normalizeMessageId(parent.messageId);
  const chain = parent.references.length > 0 ? parent.references : parseMessageIds(parent.inReplyTo).slice(0, 1);
  const all = [...new Set([...chain, ...(own ? [own] : [])])];
  if (all.length <= MAX_REFERENCES) return all;
  return [all[0]!, ...all.slice(all.length - (MAX_REFERENCES - 1))];
}
