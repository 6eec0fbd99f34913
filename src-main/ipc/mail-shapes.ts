/**
 * The shapes of mail in the contract: folders, message summaries and views, the
 * operations a user applies (the journal's input), identities and compose modes.
 */
import { z } from 'zod';
import type { FolderRole } from './account-shapes';
import { MESSAGE_TAGS, type MessageTag } from './contract-constants';

export interface FolderView {
  id: number;
  accountId: number | null;
  parentId: number | null;
  path: string;
  name: string;
  role: FolderRole | null;
  selectable: boolean;
  subscribed: boolean;
  total: number;
  unread: number;
}

/** What deleting a folder for good takes with it, as the user confirmed it and its journal entry keeps it. */
export interface FolderDeleteScope {
  path: string;
  /** Messages in the folder itself. */
  messages: number;
  /** Every folder below it, with its messages. */
  subfolders: { path: string; messages: number }[];
}

/** What deleting a folder would do, for the confirmation. */
export interface FolderDeletePlan extends FolderDeleteScope {
  /**
   * What the delete does, as Thunderbird does it: 'trash' moves the folder, its subfolders and mail into the
   * account's Trash (at `trashPath`); 'inTrash' (it is in Trash already) and 'noTrash' (the account has no Trash
   * that holds folders) delete it for good.
   */
  fate: FolderDeleteFate;
  trashPath: string | null;
  /** Whether a delete for good reaches a server: not for Local Folders, nor a POP3 account's folders (kept only here). */
  onServer: boolean;
  /** The enabled filters that move or copy mail into the folder or one below it: the delete turns them off. */
  filters: FilterRef[];
}

/** What Empty Trash would do besides deleting: the enabled filters filing mail into a folder in Trash (or inside one), which it turns off. */
export interface FolderEmptyPlan {
  filters: FilterRef[];
}

/** A filter as a folder delete names it. */
export interface FilterRef {
  id: number;
  accountId: number;
  name: string;
}

export type FolderDeleteFate = 'trash' | 'inTrash' | 'noTrash';

/** What a folder delete did: moved the folder into the account's Trash (its path there), or deleted it for good. */
/** Moved into Trash (`movedTo` its path there, `name` its name there: "Projects (2)" when Trash had a Projects), or deleted for good. */
export type FolderDeleteResult = { movedTo: string; name: string } | { deleted: true };

export interface Address {
  name: string;
  address: string;
}

export interface MessageSummary {
  id: number;
  folderId: number;
  uid: number | null;
  subject: string;
  from: Address;
  /**
   * The recipients (To), which Sent and Drafts rows show in place of the sender (you); in a
   * summary only the first SUMMARY_RECIPIENTS of them, a message's full view has them all.
   */
  to: Address[];
  date: number | null;
  size: number;
  seen: boolean;
  flagged: boolean;
  /** Replied to (\Answered), by Wren or another client. */
  answered: boolean;
  /** Forwarded ($Forwarded), by Wren or another client; absent when not. */
  forwarded?: true;
  hasAttachments: boolean;
  /** Its tags (Important, Work…: MESSAGE_TAGS), in their order; absent or empty when it has none. */
  tags?: MessageTag[];
  /** Marked junk ($Junk), by the user or by the junk filter; absent when not. */
  junk?: true;
  /** Sent with a high or low priority (X-Priority, Importance); absent when normal, or stored before 0038. */
  priority?: 'high' | 'low';
  /** Its place in its thread, in a folder's list asked for threads (messages.list with `threads`). */
  thread?: ThreadPlace;
}

/** Where a message stands in a threaded list (arranged by store/thread-order.ts). */
export interface ThreadPlace {
  /** 0 for a thread's first message, 1 for a reply to it, and so on. */
  depth: number;
  /** The thread's first message: the id a collapse names. */
  rootId: number;
  /** Messages in the thread, and how many of them are unread. */
  size: number;
  unread: number;
  /** The thread is collapsed: this row (its first message) stands for it all. */
  collapsed: boolean;
  /** On a collapsed thread's row, the replies it hides: an action on the row applies to them too, as in Thunderbird. */
  hidden?: number[];
}

/** The views across every account (and local folders): all Inboxes, all unread mail, all flagged mail. */
export const UnifiedView = z.enum(['inbox', 'unread', 'flagged']);
export type UnifiedView = z.infer<typeof UnifiedView>;

export interface UnifiedViewCount {
  view: UnifiedView;
  total: number;
  unread: number;
}


/**
 * A message in a unified view names its account (null: a local folder), for its mark, and its
 * folder's role: the view itself has none, so the row decides from it (recipients in Sent and Drafts; a delete in Trash is for good).
 */
export interface ViewMessageSummary extends MessageSummary {
  accountId: number | null;
  folderRole: FolderRole | null;
}

/** A search result: a list entry with where it lives (results span folders and accounts). */
/**
 * What Search on server did (`messages.searchServer`): how many folders it asked, how many of their messages
 * without downloaded text the servers found, how many of those it downloaded (at most 500 per request; a
 * search again downloads more), and how many folders it could not ask (gone, renumbered since the last sync).
 */
export interface ServerSearchAnswer {
  asked: number;
  found: number;
  downloaded: number;
  notAsked: number;
}

export interface SearchHit extends ViewMessageSummary {
  folderPath: string;
  /** The folder's own name (its path's last part, cut at the server's delimiter). */
  folderName: string;
}

/** A message of the open one's conversation (messages.conversation): a list entry with its folder, as a search hit. */
export type ConversationMessage = SearchHit;

export interface AttachmentView {
  partId: string;
  filename: string;
  contentType: string;
  size: number;
  inline: boolean;
  contentId: string | null;
}

export interface MessageView extends MessageSummary {
  to: Address[];
  cc: Address[];
  messageId: string | null;
  text: string | null;
  html: string | null;
  attachments: AttachmentView[];
  flags: string[];
  /** Problems met while decoding (broken encoded words, bad base64…), shown as a notice. */
  warnings: string[];
  /** POP3: only the headers and first lines are stored (over the account's size limit); the rest is still on the server. */
  partial?: boolean;
  /** With `partial`: the bytes of it stored here (its beginning); `size` is the whole message's. */
  partialBytes?: number;
  /** Its thread is ignored (Thunderbird's Ignore Thread): new mail in it arrives read and unannounced. */
  threadIgnored?: true;
}

/**
 * A change a user makes to mail (issue 6, "the operations journal"): applied
 * to the store at once, journaled in the same transaction, replayed to the
 * server later by the sync worker. Every kind takes a selection of messages.
 */
// $MDNSent (RFC 3503): a return receipt was sent, or its request turned down.
export const MessageFlag = z.enum(['\\Seen', '\\Flagged', '\\Answered', '$Forwarded', '$Junk', '$NotJunk', '$MDNSent', ...MESSAGE_TAGS]);
const messageIds = z.array(z.number().int().positive()).min(1).max(100_000);
export const MailOperation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flags'), messageIds, add: z.array(MessageFlag).default([]), remove: z.array(MessageFlag).default([]) }).strict(),
  /**
   * Into any folder that holds mail: of the same account (MOVE on its server), of another account (APPEND there,
   * then the original is expunged) or a local folder (the source is kept here; the original is expunged).
   */
  z.object({ kind: z.literal('move'), messageIds, folderId: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('copy'), messageIds, folderId: z.number().int().positive() }).strict(),
  /** To the account's Trash; in Trash (or with `permanent`), gone for good. */
  z.object({ kind: z.literal('delete'), messageIds, permanent: z.boolean().default(false) }).strict(),
  /** To the account's Archive role folder. */
  z.object({ kind: z.literal('archive'), messageIds }).strict(),
  /**
   * Junk: $Junk (the server's filter learns from it) and into the account's Junk folder, as Thunderbird, Gmail and
   * Mailspring do; not junk: $NotJunk, and out of the Junk folder into the Inbox. Local mail the same way, with the
   * owner's local Junk (see apply-operation.ts).
   */
  z.object({ kind: z.literal('junk'), messageIds, junk: z.boolean() }).strict(),
]);
export type MessageFlag = z.infer<typeof MessageFlag>;
export type MailOperation = z.infer<typeof MailOperation>;
export type MailOperationInput = z.input<typeof MailOperation>;

/** What applying an operation locally gives back at once; the server learns of it later. */
export interface OperationReceipt {
  /** The journal entry, for `operations.undo`. */
  operationId: number;
  /** Messages the operation changed locally. */
  affected: number;
  /** Whether `operations.undo` can still take it back (delete for good cannot be undone). */
  undoable: boolean;
  /** A delete: how many of the messages went for good (in Trash already, or with no Trash to go to); the rest went to Trash. */
  forGood?: number;
  /** Every journal entry the operation made, when more than one (junk: the keyword and the move): undo takes each back. */
  operationIds?: number[];
  /** A junk mark: how many of the messages it moved (into the Junk folder, or out of it to the Inbox), so the toast can say where they went. */
  moved?: number;
}

/** A From address of an account; id null is the account's implicit one (its own email and display name). */
export interface IdentityView {
  id: number | null;
  accountId: number;
  name: string;
  email: string;
  replyTo: string | null;
  signature: string | null;
  isDefault: boolean;
}

export interface AddressSuggestion {
  name: string;
  address: string;
  uses: number;
}

/** An entry of the Address Book: collected from mail, or added or named by the user (`saved`). */
export interface Contact extends AddressSuggestion {
  /** Epoch ms of the newest mail that named it (0: none yet). */
  lastUsed: number;
  /** Added or named by the user: mail does not rename it. */
  saved: boolean;
}

/** An entry as saved: `previousName` is the name it had when it was already in the book, null when it is new. */
export interface SavedContact extends Contact {
  previousName: string | null;
}

/** Address Book pages are this long at most. */
export const MAX_CONTACTS_PAGE = 500;

/** `replyList`: Thunderbird's Reply to List, to the address the message's List-Post names. */
export const ComposeMode = z.enum(['new', 'reply', 'replyAll', 'replyList', 'forward', 'forwardAttachment', 'editDraft', 'editAsNew', 'editTemplate']);
export type ComposeMode = z.infer<typeof ComposeMode>;

/** What the native menu asks of the UI: the shortcut actions it also offers, plus a few of its own. */
export type AppCommand = 'compose' | 'settings' | 'inbox' | 'next' | 'previous' | 'nextUnread' | 'previousUnread' | 'markRead' | 'markUnread' | 'markThreadRead' | 'ignoreThread' | 'toggleFlag' | 'archive' | 'junk' | 'delete' | 'help' | 'print' | 'saveAs' | 'find' | 'threads' | 'ignoredThreads' | 'bodyAs' | 'collapseAllThreads' | 'expandAllThreads'
  | 'reply' | 'replyAll' | 'replyList' | 'forward' | 'forwardAttachment' | 'redirect' | 'addressBook';

/** What a mailto: link may fill in (RFC 6068); anything else in it, `attach=` above all, is dropped. */
export interface MailtoDraft {
  to: string[];
  cc: string[];
  subject: string;
  body: string;
}

/** How to leave a mailing list (its List-Unsubscribe field): a web page to open, a message to write, or both. */
export interface ListUnsubscribe {
  /** An http(s) address, opened in the browser. */
  web: string | null;
  /** What the list wants written to it (recipients, subject, body only). */
  mailto: MailtoDraft | null;
  /**
   * One-click unsubscription (RFC 8058) may be used: the sender asks for it (List-Unsubscribe-Post, an HTTPS
   * `web`) and its valid DKIM signature covers both fields. The core then posts to it (`messages.unsubscribe`)
   * and no page needs opening.
   */
  oneClick: boolean;
}

/** An attendee's answer to an invitation (iCalendar PARTSTAT). */
export const INVITATION_ANSWERS = ['accepted', 'tentative', 'declined'] as const;
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number];

export interface InvitationAttendee extends Address {
  /** iCalendar PARTSTAT, lower-case ('needs-action', 'accepted', 'tentative', 'declined', 'delegated'). */
  status: string;
}

/** An event's repetition (iCalendar RRULE, RFC 5545 3.3.10), as far as the reading pane words it. */
export interface InvitationRecurrence {
  frequency: 'daily' | 'weekly' | 'monthly' | 'yearly';
  /** Every `interval` days, weeks…: 1 for every one. */
  interval: number;
  /** BYDAY's days, 0 Sunday to 6 Saturday, in the rule's order; empty when the rule names none. */
  weekdays: number[];
  /** BYDAY's ordinal ("2TU": the second Tuesday; -1: the last), when its one day carries one; null otherwise. */
  nth: number | null;
  /** COUNT: how many times in all, or null. */
  count: number | null;
  /** UNTIL, epoch ms (a date: midnight UTC of that day), or null. */
  until: number | null;
}

/** A calendar invitation a message carries (iTIP, RFC 5546: a text/calendar part), as the reading pane shows it. */
export interface Invitation {
  /** iTIP METHOD, upper-case: REQUEST (an invitation), CANCEL, REPLY, PUBLISH… */
  method: string;
  uid: string;
  summary: string;
  location: string | null;
  description: string | null;
  /** Epoch ms; for an all-day event, midnight UTC of its first day. Null when the event has no start. */
  start: number | null;
  /** Epoch ms, exclusive; null when not given. */
  end: number | null;
  allDay: boolean;
  recurring: boolean;
  /** How it repeats, when its rule is one the reading pane can word (RRULE by day, week, month or year); null otherwise. */
  repeats: InvitationRecurrence | null;
  /** The event, or this invitation, was called off (METHOD:CANCEL or STATUS:CANCELLED). */
  cancelled: boolean;
  organizer: Address | null;
  attendees: InvitationAttendee[];
  /** The user's own entry among the attendees (one of the account's identities), as the organizer last heard. */
  you: InvitationAttendee | null;
  /** An answer can be sent: a request, not cancelled, with an organizer to send it to, from an account that sends. */
  canAnswer: boolean;
}

/** The sender asked to be told when the message is displayed (RFC 8098 Disposition-Notification-To). */
export interface ReceiptRequest {
  /** Where the receipt would go. */
  to: string;
  /** Not the address the message came from (its Return-Path, else From): the user is told before choosing. */
  elsewhere: boolean;
  /**
   * What the settings say for this message's case (see RECEIPT_CASES): ask (the bar), always (the pane sends it when
   * the message is shown), never (the pane turns it down unasked). A receipt that would go elsewhere is always asked.
   */
  policy: 'ask' | 'always' | 'never';
}

/** The mailing list a message came through (RFC 2369), as far as the user can act on it. */
export interface MailingList {
  unsubscribe: ListUnsubscribe | null;
  /** The list's address for posts (List-Post), for Reply to List; null when posting is not allowed or not named. */
  post: string | null;
}

/** The junk filter's training (junk.status): how many junk and good messages it learnt from, and how many tokens it knows. */
export interface JunkStatus {
  junk: number;
  good: number;
  tokens: number;
  /** Whether it scores new mail: it needs at least one junk and one good message. */
  ready: boolean;
}

/** The junk filter run over a folder (junk.runOnFolder): messages scored, and how many of them it found junk. */
export interface JunkRunResult {
  examined: number;
  junk: number;
}

/** A saved search (Thunderbird's search folder): the search box's query under a name, run again when opened. */
export interface SavedSearch {
  id: number;
  name: string;
  query: string;
}
