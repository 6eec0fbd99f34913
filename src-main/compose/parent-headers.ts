import type { Address } from '../ipc/contract';
import type { ImapClient } from '../imap/imap-client';
import { messageHeaderFields } from '../messages/message-header-fields';
import { parseAddressList } from '../mime/addresses';
import { normalizeMessageId } from '../mime/header-fields';
import { headerText } from '../mime/header-value';
import { firstHeader, splitHeaderBlock, type RawHeader } from '../mime/raw-headers';
import { sendPriorityOf } from '../mime/message-priority';
import type { SendPriority } from '../ipc/contract-constants';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { parseMessageIds } from './references';

/** The header fields of a message an answer or a draft needs that its list entry does not keep. */
export interface ParentHeaders {
  references: string[];
  inReplyTo: string | null;
  /** A forward's draft's: the original's Message-ID (X-Forwarded-Message-Id, Thunderbird's header for it). */
  forwardedMessageId: string | null;
  replyTo: Address[];
  bcc: Address[];
  /** A draft's: it asks for a return receipt (the composer's option, kept in the draft). */
  receiptAsked: boolean;
  /** A draft's priority (the composer's option, kept in the draft), any of the five. */
  priority: SendPriority;
}

function addresses(headers: RawHeader[], name: string): Address[] {
  return headers.filter((h) => h.name === name).flatMap((h) => parseAddressList(headerText(h.value, name).text).addresses);
}

export function readParentHeaders(raw: Buffer): ParentHeaders {
  const headers = splitHeaderBlock(raw);
  return {
    references: parseMessageIds(firstHeader(headers, 'references')),
    inReplyTo: normalizeMessageId(firstHeader(headers, 'in-reply-to')),
    forwardedMessageId: normalizeMessageId(firstHeader(headers, 'x-forwarded-message-id')),
    replyTo: addresses(headers, 'reply-to'),
    bcc: addresses(headers, 'bcc'),
    receiptAsked: Boolean(firstHeader(headers, 'disposition-notification-to')?.trim()),
    priority: sendPriorityOf(headers),
  };
}

/**
 * From the cached source or header block when there is one, else asked of
 * the server (messageHeaderFields); offline, what the store keeps has to do: In-Reply-To, and
 * the thread's first message (the first of References), so that the answer's
 * References still name the thread's start for other clients' threading.
 */
export async function loadParentHeaders(
  store: Store,
  record: MessageRecord,
  withImap: <T>(work: (client: ImapClient) => Promise<T>) => Promise<T>,
): Promise<ParentHeaders> {
  const raw = await messageHeaderFields(store, record, withImap);
  return raw ? readParentHeaders(raw) : { ...storedLinks(store, record.id), forwardedMessageId: null, replyTo: [], bcc: [], receiptAsked: false, priority: 'normal' };
}

function storedLinks(store: Store, id: number): Pick<ParentHeaders, 'references' | 'inReplyTo'> {
  const row = store.db.prepare('SELECT in_reply_to, thread_root FROM messages WHERE id = ?').get(id) as { in_reply_to: string | null; thread_root: string | null } | undefined;
  const inReplyTo = row?.in_reply_to ?? null;
  const references = [...new Set([row?.thread_root, inReplyTo].filter((messageId): messageId is string => !!messageId))];
  return { references, inReplyTo };
}
