import type { ImapClient } from '../imap/imap-client';
import type { ListUnsubscribe, MailingList } from '../ipc/contract';
import { parseMailto } from '../mailto/parse-mailto';
import { firstHeader, splitHeaderBlock, type RawHeader } from '../mime/raw-headers';
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

/** The URIs of an RFC 2369 field: in angle brackets, separated by commas, the sender's preference first. */
function listUris(value: string): string[] {
  // A long URI may be folded over lines: the whitespace is not part of it (RFC 2369, section 2).
  return [...value.matchAll(/<([^<>]*)>/g)].map(([, inside]) => inside!.replace(/\s+/g, ''));
}

/**
 * How to leave the list: the first web page and the first address to write to. A mailto: link keeps only
 * its recipients, subject and body (parseMailto), and one without a recipient is no way out. One click
 * (RFC 8058) when the sender asks for it with List-Unsubscribe-Post and the page is HTTPS; the sender's
 * DKIM signature over these fields is checked apart, on the whole source (OneClickChecks).
 */
function unsubscribeOf(headers: RawHeader[]): ListUnsubscribe | null {
  const value = firstHeader(headers, 'list-unsubscribe');
  if (!value) return null;
  let web: string | null = null;
  let mailto: ListUnsubscribe['mailto'] = null;
  for (const uri of listUris(value)) {
    if (/^mailto:/i.test(uri)) {
      const draft: ListUnsubscribe['mailto'] = mailto ? null : parseMailto(uri);
      if (draft && draft.to.length > 0) mailto = draft;
    } else web ??= webUrl(uri);
  }
  if (!web && !mailto) return null;
  const post = firstHeader(headers, 'list-unsubscribe-post')?.trim().toLowerCase();
  return { web, mailto, oneClick: web !== null && web.startsWith('https:') && post === 'list-unsubscribe=one-click' };
}

/** Where the list takes posts (List-Post's first mailto: recipient); null for "NO" (RFC 2369: posting not allowed) or none. */
function postAddressOf(headers: RawHeader[]): string | null {
  const value = firstHeader(headers, 'list-post');
  if (!value) return null;
  for (const uri of listUris(value)) {
    if (!/^mailto:/i.test(uri)) continue;
    const address = parseMailto(uri)?.to[0];
    if (address) return address;
  }
  return null;
}

/** The mailing list a message came through, from its RFC 2369 fields; null when it names no way to leave or to post. */
export function readMailingList(raw: Buffer): MailingList | null {
  const headers = splitHeaderBlock(raw);
  const unsubscribe = unsubscribeOf(headers);
  const post = postAddressOf(headers);
  return unsubscribe || post ? { unsubscribe, post } : null;
}

/** From the cached source or header block, or asked of the server; null when it cannot be told now (offline, no copy). */
export async function loadMailingList(
  store: Store,
  record: MessageRecord,
  withImap: <T>(work: (client: ImapClient) => Promise<T>) => Promise<T>,
): Promise<MailingList | null> {
  const raw = await messageHeaderFields(store, record, withImap);
  return raw ? readMailingList(raw) : null;
}
