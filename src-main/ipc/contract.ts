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
  imap: ServerSettings,
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
  imap: ServerSettings;
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
  'folders.list': request<FolderView[]>()(byAccount),
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
  /** Electron asks where to save with a dialog; the web mode downloads instead (see web-server.ts). */
  'attachments.save': request<{ savedTo: string | null }>()(
    z.object({ messageId: id, partId: z.string().regex(/^\d+(\.\d+)*$/) }).strict(),
  ),
  'sync.start': request<{ started: number[] }>()(
    z.object({ accountId: id.optional(), bodies: z.boolean().default(false) }).strict(),
  ),
} as const;

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
}
export type EventName = keyof Events;

/** Allow-lists derived from the contract: the preload and the web server accept nothing else. */
export const METHODS = Object.freeze(Object.keys(requests) as Method[]);
const eventNames: Record<EventName, true> = { 'store.changed': true, 'sync.progress': true, 'account.status': true };
export const EVENT_NAMES = Object.freeze(Object.keys(eventNames) as EventName[]);

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
