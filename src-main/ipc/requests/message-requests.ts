/** Messages: lists, unified views, reading, and the operations journal's way in. */
import { z } from 'zod';
import { type MessageSummary, type UnifiedViewCount, UnifiedView, type ViewMessageSummary, type SearchHit, type ServerSearchAnswer, type ConversationMessage, type MessageView, MailOperation, type OperationReceipt, type MailingList, type ReceiptRequest, type Invitation, INVITATION_ANSWERS, type SavedSearch } from '../mail-shapes';
import { DEFAULT_LIST_SORT, MAX_COLLAPSED_THREADS, MAX_FILTER_TEXT, MAX_KEPT_IN_FILTER, TEXT_ENCODINGS } from '../contract-constants';
import { ListSort } from '../../settings/settings-schema';
import { byMessage, empty, id, request } from './request-shape';

const byAttachment = z.object({ messageId: id, partId: z.string().regex(/^\d+(\.\d+)*$/) }).strict();

/** Thunderbird's quick filter, over a folder or a unified view: its switches and its words. */
const QuickFilter = z.object({
  unread: z.boolean().optional(),
  flagged: z.boolean().optional(),
  attachments: z.boolean().optional(),
  tagged: z.boolean().optional(),
  text: z.string().max(MAX_FILTER_TEXT).optional(),
});

export const messageRequests = {
  /**
   * In threads, `total` counts the rows (a collapsed thread is one) and `messages` the messages they stand for.
   * `ignored`: the folder's messages in ignored threads, when `filter.hideIgnored` is given and there are some.
   */
  'messages.list': request<{ total: number; items: MessageSummary[]; messages?: number; ignored?: number }>()(
    z
      .object({
        folderId: id,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
        sort: ListSort.default(DEFAULT_LIST_SORT),
        /**
         * The quick filter: only unread, starred, or with attachments, and words of `text` found in the sender, the
         * recipients or the subject (each one set narrows the list; `total` counts what matches).
         */
        filter: QuickFilter.extend({ keep: z.array(id).max(MAX_KEPT_IN_FILTER).optional(), hideIgnored: z.boolean().optional() })
          .strict()
          .default({}),
        /**
         * Arranged in threads (by In-Reply-To), threads ordered where their first member sorts. Threads are named by
         * their first message: `collapsed` are folded; with `collapseAll` (Thunderbird's "Collapse All Threads") every
         * thread is, but those in `expanded`.
         */
        threads: z
          .object({
            collapsed: z.array(id).max(MAX_COLLAPSED_THREADS).default([]),
            collapseAll: z.boolean().default(false),
            expanded: z.array(id).max(MAX_COLLAPSED_THREADS).default([]),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  /** The unified views with their counts (kept counts and partial indexes: no scan of the messages). */
  'views.list': request<UnifiedViewCount[]>()(empty),
  /**
   * One page of a unified view, newest first unless sorted otherwise; Unread and Flagged leave out Trash and Junk.
   * `keep`: messages listed so far, which Unread and Flagged go on listing (and counting) once read or unflagged.
   */
  'messages.listView': request<{ total: number; items: ViewMessageSummary[] }>()(
    z
      .object({
        view: UnifiedView,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
        sort: ListSort.default(DEFAULT_LIST_SORT),
        keep: z.array(id).max(MAX_KEPT_IN_FILTER).optional(),
        /** The quick filter, as a folder's (messages.list); what `keep` names stays listed under it too. */
        filter: QuickFilter.strict().optional(),
      })
      .strict(),
  ),
  /**
   * Full-text search of every stored message (headers, and bodies once downloaded), newest first.
   * Words must all match; "quoted phrases"; from:, to:, cc:, subject:, body: narrow a term.
   * accountId: absent for everything, null for the local folders; folderId: one folder.
   * unindexed: messages not yet in the index (a large sync just stored them), left out of this answer.
   * textless: when a word is looked for in the text, the messages in scope whose text is not stored (headers only:
   * never opened, not kept for offline reading), found by their headers only.
   * unknownOperators: words before a colon that are no operator (`foo:` of `foo:bar`), searched as text; absent if none.
   */
  /** The saved searches, by name. */
  'searches.list': request<SavedSearch[]>()(empty),
  /** Each saved search's unread messages, for the count beside its name. */
  'searches.unread': request<{ searchId: number; unread: number }[]>()(empty),
  /** Saves the search box's query under a name (no id), or renames or changes a saved one; a query with no word to look for is refused. */
  'searches.save': request<SavedSearch>()(
    z.object({ id: id.optional(), name: z.string().trim().min(1).max(200), query: z.string().trim().min(1).max(1000) }).strict(),
  ),
  'searches.remove': request<{ removed: true }>()(z.object({ searchId: id }).strict()),
  'messages.search': request<{ total: number; items: SearchHit[]; unindexed: number; textless: number; unknownOperators?: string[] }>()(
    z
      .object({
        query: z.string().max(1000),
        accountId: id.nullable().optional(),
        folderId: id.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
        sort: ListSort.default(DEFAULT_LIST_SORT),
      })
      .strict(),
  ),
  /**
   * Search on server: the IMAP servers are asked which messages in scope whose text was never downloaded hold
   * the query's words, and those are downloaded, so that `messages.search` then finds them (Offline when a
   * server cannot be reached).
   */
  'messages.searchServer': request<ServerSearchAnswer>()(
    z.object({ query: z.string().max(1000), accountId: id.nullable().optional(), folderId: id.optional() }).strict(),
  ),
  /**
   * `markSeen: false` leaves an unread message unread (the UI marks it read after its own delay). `charset`: its text
   * read again as that encoding, whatever its label says (Text Encoding), from the whole source, downloaded first when
   * not here; nothing of it is kept, nor is the message marked read.
   */
  'messages.read': request<MessageView>()(z.object({ messageId: id, markSeen: z.boolean().default(true), charset: z.enum(TEXT_ENCODINGS).optional() }).strict()),
  /**
   * The message after or before this one in its folder's list, as the list orders it (`sort`), in threads with
   * `threads` (every thread open, replies under what they answer) and without the threads it hides
   * (`hideIgnored`); only an unread one with `unread`. Null at the list's end. A message window's Next and
   * Previous, and where it goes once its message is deleted or moved.
   */
  'messages.neighbour': request<{ messageId: number | null }>()(
    z
      .object({
        messageId: id,
        direction: z.enum(['next', 'previous']),
        unread: z.boolean().default(false),
        sort: ListSort.default(DEFAULT_LIST_SORT),
        hideIgnored: z.boolean().default(true),
        threads: z.boolean().default(false),
      })
      .strict(),
  ),
  /** One message's list entry as stored now (its flags follow every change), without touching the server. */
  'messages.summary': request<MessageSummary>()(byMessage),
  'messages.source': request<{ source: string; size: number }>()(byMessage),
  /** Its X-Priority or Importance as one of three levels (the reading pane names high and low). */
  'messages.priority': request<{ priority: 'high' | 'normal' | 'low' }>()(byMessage),
  /** The body as plain text to read (View ▸ Message Body As ▸ Plain Text): its text part, else its HTML made text. */
  'messages.plainText': request<{ text: string }>()(byMessage),
  /**
   * Thunderbird's Ignore Thread (`ignore: false`: watch it again; `'toggle'`: the other of what it is now, Thunderbird's
   * K): the conversation's unread messages are marked read (`operationId`, undoable), and new mail answering it
   * arrives read and unannounced. `ignored`: what the thread is now.
   */
  'messages.ignoreThread': request<{ ignored: boolean; markedRead: number; operationId: number | null }>()(
    z.object({ messageId: id, ignore: z.union([z.boolean(), z.literal('toggle')]) }).strict(),
  ),
  /** Thunderbird's Mark Thread as Read: the conversation's unread messages marked read (`operationId`, undoable; null: none was unread). */
  'messages.markThreadRead': request<{ markedRead: number; operationId: number | null }>()(byMessage),
  /**
   * Thunderbird's File ▸ Save As ▸ File: the whole message, byte for byte, as a .eml file (downloaded first when not
   * cached). Electron asks where with a dialog; `path` names it (tests); the web mode downloads instead (see web-server.ts).
   */
  'messages.saveSource': request<{ savedTo: string | null }>()(z.object({ messageId: id, path: z.string().min(1).optional() }).strict()),
  /** The messages of its conversation (itself included), oldest first, from every folder of its account; local only. */
  'messages.conversation': request<{ messages: ConversationMessage[] }>()(byMessage),
  /** The mailing list the message came through (how to leave it, where to post); null when it names neither or cannot be read now (offline). */
  'messages.mailingList': request<MailingList | null>()(byMessage),
  /**
   * Leaves the message's mailing list with one click (RFC 8058): the core reads the address from the message
   * itself, never from the caller, and posts to it. BadRequest when the message offers no one-click way out.
   */
  'messages.unsubscribe': request<{ host: string }>()(byMessage),
  /**
   * The return receipt the message asks for (RFC 8098), to put to the user; null when it asks none, was answered
   * already ($MDNSent), is the user's own (Sent, Drafts) or Junk, or its account cannot send.
   */
  /** The calendar invitation the message carries (a text/calendar part, iTIP); null when none, or it cannot be read now (offline). */
  'messages.invitation': request<Invitation | null>()(byMessage),
  /**
   * Answers the invitation to its organizer (an iTIP REPLY, words in `language`), leaving at once through the outbox;
   * marks the message \Answered. BadRequest when it cannot be answered (none, cancelled, no organizer).
   */
  'messages.answerInvitation': request<{ outboxId: number }>()(
    z.object({ messageId: id, answer: z.enum(INVITATION_ANSWERS), language: z.enum(['en', 'zh']).default('en') }).strict(),
  ),
  'messages.receiptRequest': request<ReceiptRequest | null>()(byMessage),
  /**
   * The user's answer: `send` queues the receipt (words in `language`) to leave at once; either answer marks the
   * message $MDNSent. `automatic`: the settings' answer for the request's case (its `policy`), given unasked.
   * BadRequest when there is no request to answer, or `automatic` where the settings do not answer it.
   */
  'messages.answerReceipt': request<{ outboxId: number | null }>()(
    z.object({ messageId: id, send: z.boolean(), language: z.enum(['en', 'zh']).default('en'), automatic: z.boolean().default(false) }).strict(),
  ),
  'messages.setFlags': request<{ updated: true }>()(
    z.object({ messageId: id, seen: z.boolean().optional(), flagged: z.boolean().optional() }).strict(),
  ),
  /** Applies a user's change locally at once and queues it for the server (see MailOperation). */
  'messages.apply': request<OperationReceipt>()(MailOperation),
  /** Takes back an operation the user just made (the toast's Undo), locally and, if already sent, on the server. */
  'operations.undo': request<{ undone: true }>()(z.object({ operationId: id }).strict()),
  /** Electron asks where to save with a dialog; the web mode downloads instead (see web-server.ts). */
  'attachments.save': request<{ savedTo: string | null }>()(byAttachment),
  /**
   * Electron: a read-only copy handed to the application the OS has for it (AttachmentMayRun for a
   * program or script). The web mode opens the attachment in a browser tab instead (see web-server.ts).
   */
  'attachments.open': request<{ openedAt: string }>()(byAttachment),
  /**
   * Every attachment the reader lists, into one folder (Electron asks which), each under a free name: nothing there
   * is overwritten. The web mode downloads them one by one instead.
   */
  'attachments.saveAll': request<{ savedTo: string | null; files: string[] }>()(byMessage),
} as const;
