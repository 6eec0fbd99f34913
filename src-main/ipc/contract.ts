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
import type { Settings } from '../settings/settings-schema';
import type { AccountState, FolderError } from './account-shapes';
import type { Address, AppCommand, MailOperation, MailtoDraft } from './mail-shapes';
import { accountRequests } from './requests/account-requests';
import { appRequests } from './requests/app-requests';
import { composeRequests } from './requests/compose-requests';
import { filterRequests } from './requests/filter-requests';
import { folderRequests } from './requests/folder-requests';
import { messageRequests } from './requests/message-requests';

/** The settings' shapes travel with the contract (the renderer imports nothing else from the core). */
export {
  accountSettings, ARCHIVE_GRANULARITIES, REPLY_POSITIONS, BODY_DOWNLOAD_MODES, DEFAULT_ACCOUNT_SETTINGS, DEFAULT_APP_SETTINGS, MAX_PANE_WIDTH, MIN_LIST_HEIGHT, MAX_LIST_HEIGHT, MAX_UNDO_SEND_SECONDS, MAX_PERIODIC_FILTER_MINUTES, MIN_PANE_WIDTH,
  REMOTE_CONTENT_POLICIES, RETURN_RECEIPT_POLICIES, RECEIPT_CASES, RECEIPT_CASE_POLICIES, JUNK_FILTER_MODES, SettingsPatch, THEMES, MARK_READ_MODES, MAX_MARK_READ_DELAY_SECONDS,
  BODY_VIEWS, MAIL_LAYOUTS,
} from '../settings/settings-schema';
export type { AccountSettings, AppSettings, ArchiveGranularity, ReplyPosition, BodyDownload, BodyView, JunkFilterMode, RemoteContentPolicy, ReturnReceiptPolicy, ReceiptCase, ReceiptCasePolicy, Settings, SettingsPatchInput, SettingsView, Theme, MarkReadMode, MailLayout } from '../settings/settings-schema';

import type { OutboxEntryView } from './compose-shapes';

// The renderer takes the shapes of writing mail from here, like the rest of the contract.
export type { ComposeAddress, ComposeAttachment, ComposedMessage as ComposedMessageOutput, ComposedMessageInput, OutboxEntryView, RefusedRecipient, IdentityFieldsInput, ContactList, VcardImportResult } from './compose-shapes';
export { contentIdOf, scheduledTime } from './compose-shapes';

export * from './account-shapes';
export * from './browser-viewable';
export * from './contract-constants';
import type { ListFilter, ListSort } from './contract-constants';
export * from './mail-shapes';
export * from './filter-shapes';
export * from './message-window-hash';

/** Every request, by concern (see requests/): its params schema and its result type. */
export const requests = {
  ...appRequests,
  ...accountRequests,
  ...folderRequests,
  ...messageRequests,
  ...filterRequests,
  ...composeRequests,
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
  /** A sync or replay of the account ended, well or not: its progress is over (a replay changes no `account.status`). */
  'sync.ended': { accountId: number };
  /** `warnings`: coded warnings of the sync that just ended well (e.g. a POP3 server that changed its UIDLs). */
  'account.status': { accountId: number; state: AccountState; error: ErrorShape | null; retryAt: number | null; warnings?: string[]; folderErrors?: FolderError[] };
  /** A journaled operation the server refused or could not apply; the local view has returned to the server's truth. */
  'operation.failed': {
    operationId: number; accountId: number; error: ErrorShape;
    // A junk operation is journaled as its keyword and its move, each failing as such.
    kind: Exclude<MailOperation['kind'], 'junk'> | 'markRead' | 'createFolder' | 'renameFolder' | 'deleteFolder' | 'subscribeFolder';
  };
  /**
   * New mail arrived in a folder (push or poll), for notifications and the unread badge: the unread mail a sync stored: `ids` every message, newest first (its length is the count to show), `messages`
   * the newest of them (at most 50) with sender and subject: after a long time away, ids may run to thousands.
   */
  'mail.new': { accountId: number; folderId: number; ids: number[]; messages: { id: number; from: Address; subject: string }[] };
  /** Settings changed (here or in another process): everyone applies them at once. */
  'settings.changed': { settings: Settings; previous: Settings };
  /** A mailto: link (from another app, or clicked in a message) to open in the composer: never attachments. */
  'compose.mailto': MailtoDraft;
  /** A command from the native menu (or the tray) that the UI carries out on its selection. */
  'app.command': { command: AppCommand };
  /** An outbox entry changed state (`removed`: sent and done with, cancelled or discarded). */
  'outbox.changed': { entry: OutboxEntryView; removed: boolean };
  /** A thread was ignored or watched again (from any window, a filter or the CLI): `messageIds` its messages, for a reading pane showing one. */
  'thread.ignored': { messageIds: number[]; ignored: boolean };
  /** Filters turned off while new mail was filtered, as the folder they move or copy mail into is gone: the user picks another. */
  'filters.turnedOff': { accountId: number; filters: { id: number; name: string }[] };
}

export type EventName = keyof Events;

/**
 * Allow-lists (the preload and the web server accept nothing else), kept in
 * the zod-free channel-names.ts for the preload; these lines fail to compile
 * if a request or an event is missing there or here.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
// One Holds per check: `true & false` is never, which any constraint accepts.
export type ChannelNamesMatch = [Holds<Same<Method, MethodName>>, Holds<Same<EventName, EventNameOfList>>];
/**
 * A list's order and quick filter are plain types in contract-constants.ts (the workers and the store load no
 * zod) and schemas in the contract: this fails to compile when the two drift apart (optional fields too: the
 * names are compared as well as the types).
 */
type SameFields<A, B> = Same<A, B> extends true ? Same<keyof A, keyof B> : false;
export type ListShapesMatch = [Holds<SameFields<ValidParamsOf<'messages.list'>['sort'], ListSort>>, Holds<SameFields<ValidParamsOf<'messages.list'>['filter'], ListFilter>>];
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
