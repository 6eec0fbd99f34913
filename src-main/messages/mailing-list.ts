import type { ImapClient } from '../imap/imap-client';
import type { ListUnsubscribe } from '../ipc/contract';
import { parseMailto } from '../mailto/parse-mailto';
import { firstHeader, splitHeaderBlock } from '../mime/raw-headers';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { messageHeaderFields } from './message-header-fields';

/** Longer than any real unsubscribe link: cut off, not trusted. */
const MAX_URL = 2048;

function webUrl(text: string): string | null {
  if (text.length > MAX_URL) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * How to leave the mailing list a message came through, from its List-Unsubscribe field (RFC 2369: URIs in
 * angle brackets, separated by commas, the sender's preference first): the first web page and the first
 * address to write to. A mailto: link keeps only its recipients, subject and body (parseMailto), and one
 * without a recipient is no way out. Null when the field is missing or names neither.
 */
export function readListUnsubscribe(raw: Buffer): ListUnsubscribe | null {
  const value = firstHeader(splitHeaderBlock(raw), 'list-unsubscribe');
  if (!value) return null;
  let web: string | null = null;
  let mailto: ListUnsubscribe['mailto'] = null;
  for (const [, inside] of value.matchAll(/<([^<>]*)>/g)) {
    // A long URI may be folded over lines: the whitespace is not part of it (RFC 2369, section 2).
    const uri = inside!.replace(/\s+/g, '');
    if (/^mailto:/i.test(uri)) {
      const draft: ListUnsubscribe['mailto'] = mailto ? null : parseMailto(uri);
      if (draft && draft.to.length > 0) mailto = draft;
    } else web ??= webUrl(uri);
  }
  return web || mailto ? { web, mailto } : null;
}

/** From the cached source, or the one field asked of the server; null when it cannot be told now (offline, no copy). */
export async function loadListUnsubscribe(
  store: Store,
  record: MessageRecord,
  withImap: <T>(work: (client: ImapClient) => Promise<T>) => Promise<T>,
): Promise<ListUnsubscribe | null> {
  const raw = await messageHeaderFields(store, record, withImap, ['list-unsubscribe']);
  return raw ? readListUnsubscribe(raw) : null;
}
