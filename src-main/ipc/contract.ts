/**
 * The one contract between the core (main process) and every front end:
 * Electron IPC, the loopback web mode and the renderer's client are all typed
 * from this file, and the preload's allow-list is derived from it.
 *
 * Params are validated at run time at the boundary (see dispatch.ts); results
 * and events are typed only, since the core produces them.
 *
 * Shared with the renderer: no Node APIs here, only zod.
 */
import { z } from 'zod';
import type { ErrorShape } from '../errors/error-codes';
import { EVENT_NAMES, METHODS, type EventNameOfList, type MethodName } from './channel-names';

const id = z.number().int().positive();
const Security = z.enum(['tls', 'starttls', 'none']);
const host = z.string().trim().min(1).max(253).regex(/^[^\s/]+$/, 'a host name without spaces or slashes');
const port = z.number().int().min(1).max(65535);
/** SHA-256 fingerprint as Node prints it: 32 hex pairs joined by colons. */
const Fingerprint = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'a SHA-256 fingerprint like AB:CD:…'));

export const IncomingProtocol = z.enum(['imap', 'pop3']);
export type IncomingProtocol = z.infer<typeof IncomingProtocol>;

export const ServerSettings = z.object({
  host,
  port,
  security: Security,
  user: z.string().min(1).max(320),
});

export const AccountDraft = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().email().max(320),
  displayName: z.string().max(200).default(''),
  /** How mail comes in; `incoming` is that protocol's server. */
  protocol: IncomingProtocol.default('imap'),
  incoming: ServerSettings,
  smtp: ServerSettings.nullable().default(null),
  password: z.string().min(1).max(1024),
  /** "none" security is refused unless the user ticked this explicitly. */
  allowPlaintext: z.boolean().default(false),
  /** Trust exactly this certificate for this account (self-signed servers). */
  trustedCertSha256: Fingerprint.nullable().default(null),
});

export const FolderRole = z.enum(['inbox', 'sent', 'drafts', 'trash', 'junk', 'archive', 'all', 'flagged']);
export const AccountState = z.enum(['idle', 'syncing', 'offline', 'error']);

export type Security = z.infer<typeof Security>;
export type ServerSettings = z.infer<typeof ServerSettings>;
export type AccountDraft = z.infer<typeof AccountDraft>;
export type AccountDraftInput = z.input<typeof AccountDraft>;
export type FolderRole = z.infer<typeof FolderRole>;
export type AccountState = z.infer<typeof AccountState>;

export interface CertificateInfo {
  fingerprint256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
}

export interface AccountView {
  id: number;
  name: string;
  email: string;
  displayName: string;
  protocol: IncomingProtocol;
  incoming: ServerSettings;
  smtp: ServerSettings | null;
  allowPlaintext: boolean;
  trustedCertSha256: string | null;
  state: AccountState;
  lastError: ErrorShape | null;
  /** When an offline account is retried next, if a retry is scheduled. */
  retryAt: number | null;
}

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
  date: number | null;
  size: number;
  seen: boolean;
  flagged: boolean;
  answered: boolean;
  hasAttachments: boolean;
}

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
}

export interface TestConnectionResult {
  ok: true;
  capabilities: string[];
  certificate: CertificateInfo | null;
}

export interface SyncSummary {
  accountId: number;
  folders: number;
  newMessages: number;
  removedMessages: number;
  flagUpdates: number;
  bodiesFetched: number;
  /** Another process (the app, another `wren sync`) was syncing this account; this sync waited for it to finish. */
  waitedForOtherSync?: boolean;
}

/** What `sync.run` gives back once every account asked for is done. */
export interface SyncRunResult {
  summaries: SyncSummary[];
  failures: { accountId: number; error: ErrorShape }[];
}

/**
 * A change a user makes to mail (issue 6, "the operations journal"): applied
 * to the store at once, journaled in the same transaction, replayed to the
 * server later by the sync worker. Every kind takes a selection of messages.
 */
export const MessageFlag = z.enum(['\\Seen', '\\Flagged', '\\Answered', '$Forwarded', '$Junk', '$NotJunk']);
const messageIds = z.array(z.number().int().positive()).min(1).max(100_000);
export const MailOperation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flags'), messageIds, add: z.array(MessageFlag).default([]), remove: z.array(MessageFlag).default([]) }).strict(),
  /** Into another folder of the same account (a folder of another account, or a local one, comes with POP3). */
  z.object({ kind: z.literal('move'), messageIds, folderId: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('copy'), messageIds, folderId: z.number().int().positive() }).strict(),
  /** To the account's Trash; in Trash (or with `permanent`), gone for good. */
  z.object({ kind: z.literal('delete'), messageIds, permanent: z.boolean().default(false) }).strict(),
  /** To the account's Archive role folder. */
  z.object({ kind: z.literal('archive'), messageIds }).strict(),
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
}

const empty = z.object({}).strict();
const byAccount = z.object({ accountId: id }).strict();
const byMessage = z.object({ messageId: id }).strict();

/** Every request: its params schema and its result type (carried by a phantom). */
function request<R>() {
  return <P extends z.ZodType>(params: P) => ({ params, result: undefined as unknown as R });
}

export const requests = {
  'app.info': request<{ version: string; mode: 'electron' | 'web' | 'cli'; dataDir: string }>()(empty),
  'accounts.list': request<AccountView[]>()(empty),
  'accounts.testConnection': request<TestConnectionResult>()(AccountDraft),
  'accounts.add': request<AccountView>()(AccountDraft),
  'accounts.remove': request<{ removed: true }>()(byAccount),
  /** Subscribed folders only, unless `includeUnsubscribed`. */
  'folders.list': request<FolderView[]>()(z.object({ accountId: id, includeUnsubscribed: z.boolean().default(false) }).strict()),
  'messages.list': request<{ total: number; items: MessageSummary[] }>()(
    z
      .object({
        folderId: id,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
  /** `markSeen: false` leaves an unread message unread (the UI marks it read after its own delay). */
  'messages.read': request<MessageView>()(z.object({ messageId: id, markSeen: z.boolean().default(true) }).strict()),
  /** One message's list entry as stored now (its flags follow every change), without touching the server. */
  'messages.summary': request<MessageSummary>()(byMessage),
  'messages.source': request<{ source: string; size: number }>()(byMessage),
  'messages.setFlags': request<{ updated: true }>()(
    z.object({ messageId: id, seen: z.boolean().optional(), flagged: z.boolean().optional() }).strict(),
  ),
  /** Applies a user's change locally at once and queues it for the server (see MailOperation). */
  'messages.apply': request<OperationReceipt>()(MailOperation),
  /** Takes back an operation the user just made (the toast's Undo), locally and, if already sent, on the server. */
  'operations.undo': request<{ undone: true }>()(z.object({ operationId: id }).strict()),
  /** Marks every message of a folder read (one STORE over a range on the server). */
  'folders.markRead': request<OperationReceipt>()(z.object({ folderId: id }).strict()),
  /** Deletes every message of the Trash (or Junk) folder for good. */
  'folders.empty': request<OperationReceipt>()(z.object({ folderId: id }).strict()),
  /** A remote folder; nested under `parentId` with the server's delimiter, at the top when null. */
  'folders.create': request<FolderView>()(
    z.object({ accountId: id, parentId: id.nullable().default(null), name: z.string().trim().min(1).max(200) }).strict(),
  ),
  /** Renames the folder's last path segment (its place in the tree stays). Special-use folders are refused. */
  'folders.rename': request<FolderView>()(z.object({ folderId: id, name: z.string().trim().min(1).max(200) }).strict()),
  /** Deletes a folder and the mail in it on the server. Special-use folders are refused. */
  'folders.delete': request<{ deleted: true }>()(z.object({ folderId: id }).strict()),
  'folders.subscribe': request<FolderView>()(z.object({ folderId: id, subscribed: z.boolean() }).strict()),
  /** Electron asks where to save with a dialog; the web mode downloads instead (see web-server.ts). */
  'attachments.save': request<{ savedTo: string | null }>()(
    z.object({ messageId: id, partId: z.string().regex(/^\d+(\.\d+)*$/) }).strict(),
  ),
  'sync.start': request<{ started: number[] }>()(
    z.object({ accountId: id.optional(), bodies: z.boolean().default(false) }).strict(),
  ),
  /**
   * Syncs (every account, or one) and waits for the outcome; a failed account is reported, not thrown (the CLI).
   * `replayOnly`: only sends the queued operations (no folder pass), as after `wren move`.
   */
  'sync.run': request<SyncRunResult>()(
    z.object({ accountId: id.optional(), bodies: z.boolean().default(false), replayOnly: z.boolean().default(false) }).strict(),
  ),
  /** Syncs the account, then keeps its Inbox pushed (IDLE) until the core stops (`wren watch`); gives the first sync's summary. */
  'sync.watch': request<SyncSummary>()(byAccount),
} as const satisfies Record<MethodName, unknown>;

export type Requests = typeof requests;
export type Method = keyof Requests;
export type ParamsOf<M extends Method> = z.input<Requests[M]['params']>;
export type ValidParamsOf<M extends Method> = z.output<Requests[M]['params']>;
export type ResultOf<M extends Method> = Requests[M]['result'];

export type StoreChange =
  | { entity: 'accounts'; ids: number[] }
  | { entity: 'folders'; accountId: number | null; ids: number[] }
  | { entity: 'messages'; folderId: number; ids: number[] };

export interface Events {
  'store.changed': { changes: StoreChange[] };
  'sync.progress': { accountId: number; folderPath: string; phase: 'folders' | 'headers' | 'bodies'; done: number; total: number };
  'account.status': { accountId: number; state: AccountState; error: ErrorShape | null; retryAt: number | null };
  /** A journaled operation the server refused or could not apply; the local view has returned to the server's truth. */
  'operation.failed': {
    operationId: number; accountId: number; error: ErrorShape;
    kind: MailOperation['kind'] | 'markRead' | 'createFolder' | 'renameFolder' | 'deleteFolder' | 'subscribeFolder';
  };
  /** New mail arrived in a folder (push or poll): for notifications and the unread badge. */
  'mail.new': { accountId: number; folderId: number; messages: { id: number; from: Address; subject: string }[] };
}
export type EventName = keyof Events;

/**
 * Allow-lists (the preload and the web server accept nothing else), kept in
 * the zod-free channel-names.ts for the preload; these lines fail to compile
 * if a request or an event is missing there or here.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type ChannelNamesMatch = Holds<Same<Method, MethodName> & Same<EventName, EventNameOfList>>;
export { EVENT_NAMES, METHODS };

/** A request's outcome as it crosses IPC or the WebSocket: errors travel as data, with their code. */
export type Reply<M extends Method = Method> = { ok: true; result: ResultOf<M> } | { ok: false; error: ErrorShape };

/**
 * What the Electron preload exposes as `window.wren`, and what the web mode
 * speaks over its WebSocket (`{id, method, params}` → `{id, reply}`; events as
 * `{event, payload}`).
 */
export interface WrenBridge {
  request(method: Method, params: unknown): Promise<Reply>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}
