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
import { SettingsPatch, type Settings, type SettingsView } from '../settings/settings-schema';

/** The settings' shapes travel with the contract (the renderer imports nothing else from the core). */
export {
  accountSettings, BODY_DOWNLOAD_MODES, DEFAULT_ACCOUNT_SETTINGS, DEFAULT_APP_SETTINGS, MAX_PANE_WIDTH, MAX_UNDO_SEND_SECONDS, MIN_PANE_WIDTH,
  REMOTE_CONTENT_POLICIES, SettingsPatch, THEMES,
} from '../settings/settings-schema';
export type { AccountSettings, AppSettings, BodyDownload, RemoteContentPolicy, Settings, SettingsPatchInput, SettingsView, Theme } from '../settings/settings-schema';

import { ComposedMessage, type ComposeAttachment, type OutboxEntryView } from './compose-shapes';

// The renderer takes the shapes of writing mail from here, like the rest of the contract.
export type { ComposeAddress, ComposeAttachment, ComposedMessage as ComposedMessageOutput, ComposedMessageInput, OutboxEntryView } from './compose-shapes';

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

/**
 * What a POP3 account does with mail on the server once it is stored:
 * keep it (default), delete it `deleteAfterDays` after download, delete it
 * when it is deleted locally, or delete it at once (download and delete).
 * Messages over `maxMessageKb` come with TOP (headers and first lines) only.
 */
export const Pop3Leave = z.enum(['keep', 'deleteAfterDays', 'deleteWhenDeleted', 'delete']);
export const Pop3Policy = z
  .object({
    leave: Pop3Leave.default('keep'),
    deleteAfterDays: z.number().int().min(1).max(3650).nullable().default(null),
    maxMessageKb: z.number().int().min(1).max(10_000_000).nullable().default(null),
  })
  .refine((policy) => policy.leave !== 'deleteAfterDays' || policy.deleteAfterDays !== null, { message: 'deleteAfterDays needs a number of days', path: ['deleteAfterDays'] });
export type Pop3Leave = z.infer<typeof Pop3Leave>;
export type Pop3Policy = z.infer<typeof Pop3Policy>;
export const DEFAULT_POP3_POLICY: Pop3Policy = { leave: 'keep', deleteAfterDays: null, maxMessageKb: null };

export const AccountDraft = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().email().max(320),
  displayName: z.string().max(200).default(''),
  /** How mail comes in; `incoming` is that protocol's server. */
  protocol: IncomingProtocol.default('imap'),
  incoming: ServerSettings,
  smtp: ServerSettings.nullable().default(null),
  /** Only for protocol 'pop3'. */
  pop3: Pop3Policy.default(DEFAULT_POP3_POLICY),
  password: z.string().min(1).max(1024),
  /** "none" security is refused unless the user ticked this explicitly. */
  allowPlaintext: z.boolean().default(false),
  /** Trust exactly this certificate for this account (self-signed servers). */
  trustedCertSha256: Fingerprint.nullable().default(null),
});

/** '#rrggbb': an account's mark in the sidebar and the unified views. */
export const AccountColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2f6fdf');

/** An edit of an account: only the fields given change; a server or password change is tested first. */
export const AccountUpdate = z
  .object({
    accountId: z.number().int().positive(),
    name: z.string().trim().min(1).max(100).optional(),
    displayName: z.string().max(200).optional(),
    colour: AccountColour.optional(),
    incoming: ServerSettings.optional(),
    smtp: ServerSettings.nullable().optional(),
    password: z.string().min(1).max(1024).optional(),
    allowPlaintext: z.boolean().optional(),
    trustedCertSha256: Fingerprint.nullable().optional(),
  })
  .strict();
export type AccountUpdate = z.infer<typeof AccountUpdate>;

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
  /** Only meaningful for protocol 'pop3'. */
  pop3: Pop3Policy;
  allowPlaintext: boolean;
  trustedCertSha256: string | null;
  /** '#rrggbb', the account's mark; accounts.list gives them in the user's order. */
  colour: string;
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

/** The views across every account (and local folders): all Inboxes, all unread mail, all flagged mail. */
export const UnifiedView = z.enum(['inbox', 'unread', 'flagged']);
export type UnifiedView = z.infer<typeof UnifiedView>;

export interface UnifiedViewCount {
  view: UnifiedView;
  total: number;
  unread: number;
}

/** A message in a unified view names its account (null: a local folder), for its mark. */
export interface ViewMessageSummary extends MessageSummary {
  accountId: number | null;
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
  /** POP3: only the headers and first lines are stored (over the account's size limit); the rest is still on the server. */
  partial?: boolean;
  /** With `partial`: the bytes of it stored here (its beginning); `size` is the whole message's. */
  partialBytes?: number;
}

/** Where set-up from the address found the settings, in the order they are tried (Thunderbird's). */
export const DiscoverySource = z.enum(['bundled', 'autoconfig', 'well-known', 'srv', 'guess']);
export type DiscoverySource = z.infer<typeof DiscoverySource>;

export interface DiscoveredServer {
  host: string;
  port: number;
  security: Security;
  user: string;
}

/** What the user is told before settings found on the network are used. */
export type DiscoveryWarning =
  | { kind: 'plaintext'; host: string }
  | { kind: 'otherDomain'; host: string; domain: string }
  | { kind: 'oauth2Only'; provider: string };

export interface DiscoveredConfig {
  source: DiscoverySource;
  /** The URL, DNS name or list it came from. */
  from: string;
  displayName: string | null;
  imap: DiscoveredServer | null;
  pop3: DiscoveredServer | null;
  smtp: DiscoveredServer | null;
  warnings: DiscoveryWarning[];
}

/** One step of the chain and what came of it (shown when nothing is found, so the user knows what was tried). */
export interface DiscoveryStep {
  source: DiscoverySource;
  from: string;
  outcome: 'found' | 'nothing' | 'invalid' | 'timeout' | 'failed';
  detail: string | null;
}

export interface DiscoveryResult {
  email: string;
  /** The first source that gave usable settings; null when none did (manual settings then). */
  config: DiscoveredConfig | null;
  steps: DiscoveryStep[];
}

export interface TestConnectionResult {
  ok: true;
  capabilities: string[];
  certificate: CertificateInfo | null;
  /** The outgoing (SMTP) server was given and logged in too. */
  smtpChecked?: boolean;
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
  /** Coded warnings of this sync (`wren:<WarningCode>`, e.g. a POP3 server that changed its UIDLs): the renderer and the CLI put them into words. */
  warnings?: string[];
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

export const ComposeMode = z.enum(['new', 'reply', 'replyAll', 'forward', 'forwardAttachment', 'editDraft', 'editAsNew']);
export type ComposeMode = z.infer<typeof ComposeMode>;

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
  'accounts.update': request<AccountView>()(AccountUpdate),
  /** Finds server settings from the address alone (bundled list, autoconfig, SRV, a guess); nothing is saved. */
  'accounts.discover': request<DiscoveryResult>()(z.object({ email: z.string().trim().email().max(320) }).strict()),
  /** The accounts in the order the user wants them; accounts not named keep their order after these. */
  'accounts.reorder': request<AccountView[]>()(z.object({ accountIds: z.array(id).min(1).max(1000) }).strict()),
  /** Subscribed folders only, unless `includeUnsubscribed`. `accountId: null`: the shared Local Folders. */
  'folders.list': request<FolderView[]>()(z.object({ accountId: id.nullable(), includeUnsubscribed: z.boolean().default(false) }).strict()),
  'messages.list': request<{ total: number; items: MessageSummary[] }>()(
    z
      .object({
        folderId: id,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
  /** The unified views with their counts (kept counts and partial indexes: no scan of the messages). */
  'views.list': request<UnifiedViewCount[]>()(empty),
  /** One page of a unified view, newest first; Unread and Flagged leave out Trash and Junk. */
  'messages.listView': request<{ total: number; items: ViewMessageSummary[] }>()(
    z
      .object({
        view: UnifiedView,
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
  /**
   * A remote folder; nested under `parentId` with the server's delimiter, at the top when null.
   * `accountId: null`: a local folder (no network needed; rename and delete work on it the same way).
   */
  'folders.create': request<FolderView>()(
    z.object({ accountId: id.nullable(), parentId: id.nullable().default(null), name: z.string().trim().min(1).max(200) }).strict(),
  ),
  /** Renames the folder's last path segment (its place in the tree stays). Special-use folders are refused. */
  'folders.rename': request<FolderView>()(z.object({ folderId: id, name: z.string().trim().min(1).max(200) }).strict()),
  /** Deletes a folder and the mail in it on the server. Special-use folders are refused. */
  'folders.delete': request<{ deleted: true }>()(z.object({ folderId: id }).strict()),
  /**
   * Mail files into a folder: mbox (mboxrd or plain) or .eml, told apart by their content. Without `files`
   * Electron asks with an open dialog.
   */
  'folders.import': request<{ imported: number; files: number }>()(
    z.object({ folderId: id, files: z.array(z.string().min(1)).max(10_000).optional() }).strict(),
  ),
  /**
   * A folder's mail into one mbox file (mboxrd) or a directory of .eml files. Without `path` Electron asks with a
   * save dialog (`savedTo: null` when the user cancels); the web mode downloads the mbox instead.
   */
  'folders.export': request<{ savedTo: string | null; exported: number }>()(
    z.object({ folderId: id, format: z.enum(['mbox', 'eml']).default('mbox'), path: z.string().min(1).optional() }).strict(),
  ),
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
  /** The settings file (settings.json in the data folder) and what was wrong in it. */
  'settings.get': request<SettingsView>()(empty),
  /** Changes some settings; they take effect at once (`settings.changed`). */
  'settings.update': request<SettingsView>()(SettingsPatch),
  /**
   * A message to write, filled in: an answer (recipients, quoted text with an attribution in `language`,
   * threading headers, the identity it was sent to), a forward (the original's files staged, or the whole
   * original attached), a draft to continue or copy. `accountId` for a new message (default: the first).
   */
  'compose.start': request<z.output<typeof ComposedMessage>>()(
    z
      .object({ mode: ComposeMode, messageId: id.optional(), accountId: id.optional(), language: z.enum(['en', 'zh']).default('en') })
      .strict(),
  ),
  'identities.list': request<IdentityView[]>()(byAccount),
  /** Addresses seen in the store matching what was typed (address or name), most used first. */
  'addresses.suggest': request<AddressSuggestion[]>()(
    z.object({ query: z.string().max(320), limit: z.number().int().min(1).max(50).default(8) }).strict(),
  ),
  /** Stores a draft (replacing `draftMessageId`'s version): on the server's Drafts, queued offline, or local for POP3. */
  'drafts.save': request<{ draftMessageId: number; stored: 'server' | 'queued' | 'local' }>()(ComposedMessage),
  'drafts.discard': request<{ discarded: true }>()(z.object({ draftMessageId: id }).strict()),
  /** Electron: the native open dialog, the chosen files staged in the core. The web mode uploads instead (web-server.ts). */
  'attachments.pick': request<ComposeAttachment[]>()(empty),
  /**
   * Builds the message (its Message-ID assigned now), stores it in the outbox and returns at once: it leaves
   * after `undoSeconds` (Undo = `outbox.cancel` meanwhile), or at `sendAt` (ms since the epoch), or when the
   * account is back online.
   */
  'outbox.send': request<OutboxEntryView>()(
    z
      .object({
        message: ComposedMessage,
        sendAt: z.number().int().positive().nullable().default(null),
        undoSeconds: z.number().int().min(0).max(30).default(10),
      })
      .strict(),
  ),
  /** A ready-made RFC 5322 message staged in the data folder (`wren send --raw`): recipients from its To/Cc/Bcc, Bcc removed. */
  'outbox.sendRaw': request<OutboxEntryView>()(
    z
      .object({
        accountId: id,
        stagedId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
        sendAt: z.number().int().positive().nullable().default(null),
        undoSeconds: z.number().int().min(0).max(30).default(0),
      })
      .strict(),
  ),
  'outbox.list': request<OutboxEntryView[]>()(z.object({ accountId: id.optional() }).strict()),
  /** Takes a message back before it leaves (Undo, or a queued/failed one); gives the composer its message again (null for a raw one). */
  'outbox.cancel': request<{ message: ComposedMessage | null }>()(z.object({ outboxId: id }).strict()),
  /** Sends a failed (or offline-queued) message again now. */
  'outbox.retry': request<OutboxEntryView>()(z.object({ outboxId: id }).strict()),
  /** The user's answer for a message whose send was cut before the server's reply (state `unknown`). */
  'outbox.resolve': request<{ resolved: true }>()(z.object({ outboxId: id, action: z.enum(['sendAnyway', 'discard']) }).strict()),
  /**
   * Waits until each message has been accepted by the server and its Sent copy filed, or has failed,
   * or stays queued (offline, later): for `wren send`. Gives each entry as it ended.
   */
  'outbox.wait': request<OutboxEntryView[]>()(z.object({ outboxIds: z.array(id).min(1).max(10_000) }).strict()),
  /** Works through every account's outbox now (what is due, and what waited for the network) and gives the outbox after. */
  'outbox.flush': request<OutboxEntryView[]>()(empty),
  /** Whether Wren files a copy in Sent for the account: 'auto' (unless the server is seen doing it), or 'off'. */
  'outbox.setSentCopy': request<{ updated: true }>()(z.object({ accountId: id, sentCopy: z.enum(['auto', 'off']) }).strict()),
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
  /** `bytes`/`totalBytes`: a POP3 download's bytes so far and expected (from LIST). */
  'sync.progress': { accountId: number; folderPath: string; phase: 'folders' | 'headers' | 'bodies'; done: number; total: number; bytes?: number; totalBytes?: number };
  /** `warnings`: coded warnings of the sync that just ended well (e.g. a POP3 server that changed its UIDLs). */
  'account.status': { accountId: number; state: AccountState; error: ErrorShape | null; retryAt: number | null; warnings?: string[] };
  /** A journaled operation the server refused or could not apply; the local view has returned to the server's truth. */
  'operation.failed': {
    operationId: number; accountId: number; error: ErrorShape;
    kind: MailOperation['kind'] | 'markRead' | 'createFolder' | 'renameFolder' | 'deleteFolder' | 'subscribeFolder';
  };
  /** New mail arrived in a folder (push or poll): for notifications and the unread badge. */
  'mail.new': { accountId: number; folderId: number; messages: { id: number; from: Address; subject: string }[] };
  /** Settings changed (here or in another process): everyone applies them at once. */
  'settings.changed': { settings: Settings; previous: Settings };
  /** A mailto: link (from another app, or clicked in a message) to open in the composer: never attachments. */
  'compose.mailto': MailtoDraft;
  /** A command from the native menu (or the tray) that the UI carries out on its selection. */
  'app.command': { command: AppCommand };
  /** An outbox entry changed state (`removed`: sent and done with, cancelled or discarded). */
  'outbox.changed': { entry: OutboxEntryView; removed: boolean };
}

/** What the native menu asks of the UI: the shortcut actions it also offers, plus a few of its own. */
export type AppCommand = 'compose' | 'settings' | 'inbox' | 'next' | 'previous' | 'markRead' | 'markUnread' | 'toggleFlag' | 'archive' | 'junk' | 'delete' | 'help';

/** What a mailto: link may fill in (RFC 6068); anything else in it, `attach=` above all, is dropped. */
export interface MailtoDraft {
  to: string[];
  cc: string[];
  subject: string;
  body: string;
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
