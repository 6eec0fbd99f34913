/**
 * What `settings.json` in the data folder holds, as zod schemas: every field
 * has a default, so a missing or broken value never stops Wren (it is
 * reported and replaced by its default, see settings-file.ts).
 *
 * Shared with the renderer: no Node APIs here, only zod.
 */
import { z } from 'zod';
import {
  DEFAULT_LIST_SORT, LIST_SORT_KEYS, MAX_COLLAPSED_FOLDERS, MAX_FOLDERS_WITH_THREADS_COLLAPSED, MAX_FOLDERS_WITH_TURNED_THREADS, MAX_SAVED_TURNED_THREADS,
} from '../ipc/contract-constants';

export const THEMES = ['system', 'light', 'dark'] as const;
export const REMOTE_CONTENT_POLICIES = ['blocked', 'ask', 'allowList'] as const;
/** Thunderbird's View ▸ Message Body As: the HTML (sanitized, framed), or plain text (the text part, else the HTML made text). */
export const BODY_VIEWS = ['html', 'plain'] as const;
/**
 * Thunderbird's View ▸ Layout: Vertical (folders, list and message side by side), Classic (the message under the
 * list) or Wide (the list across the window, the folders and the message under it).
 */
export const MAIL_LAYOUTS = ['vertical', 'classic', 'wide'] as const;
/** ask: return receipts are allowed, each case as `receiptCases` says (Thunderbird's "Allow return receipts for some messages"); never: none is sent, nothing asked. */
export const RETURN_RECEIPT_POLICIES = ['ask', 'never'] as const;
/**
 * Thunderbird's three cases of a receipt request, checked in this order: the user is not in the message's To or Cc;
 * the sender is outside the user's domain; any other message.
 */
export const RECEIPT_CASES = ['notInToCc', 'outsideDomain', 'otherCases'] as const;
/** What a case gets: the reading pane's Send / Ignore bar; a receipt sent when the message is shown; or none, unasked. */
export const RECEIPT_CASE_POLICIES = ['ask', 'always', 'never'] as const;
/** The junk filter on new mail: mark it junk; mark it and move it to the Junk folder; or leave it alone. */
export const JUNK_FILTER_MODES = ['mark', 'move', 'off'] as const;
export const MARK_READ_MODES = ['opened', 'delay', 'never'] as const;
export const BODY_DOWNLOAD_MODES = ['all', 'recent', 'onDemand'] as const;
/** Where Archive files an IMAP account's mail: the archive folder itself, or a subfolder per year (2026) or per month (2026/2026-11), as Thunderbird can. */
export const ARCHIVE_GRANULARITIES = ['single', 'year', 'month'] as const;
/** Where a reply starts: above the quoted original (Gmail's, Outlook's), or below it (Thunderbird's default; mailing lists' custom). */
export const REPLY_POSITIONS = ['above', 'below'] as const;

export const MAX_UNDO_SEND_SECONDS = 30;
export const MAX_MARK_READ_DELAY_SECONDS = 600;
export const MIN_PANE_WIDTH = 140;
export const MAX_PANE_WIDTH = 1200;
/** The list's height in the Classic layout, dragged by the divider under it. */
export const MIN_LIST_HEIGHT = 100;
export const MAX_LIST_HEIGHT = 2000;

/** A day: periodic filters run at least that often. */
export const MAX_PERIODIC_FILTER_MINUTES = 24 * 60;

const paneWidth = z.number().int().min(MIN_PANE_WIDTH).max(MAX_PANE_WIDTH);

/** A folder list's order (see contract-constants.ts: the store uses its keys without zod). */
export const ListSort = z.object({ by: z.enum(LIST_SORT_KEYS), descending: z.boolean() }).strict();
/** Senders are kept as lower-case addresses; the reading pane's "always load from this sender" adds one. */
const senderAddress = z.string().trim().toLowerCase().email().max(320);

/** Each field of the app's settings, separately, so one bad value costs only itself (see settings-file.ts). */
export const APP_FIELDS = {
  /** null: follow the system's (or browser's) language. */
  language: z.enum(['en', 'zh']).nullable().default(null),
  theme: z.enum(THEMES).default('system'),
  /** The composer asks before sending a message whose text mentions an attachment but has none (Thunderbird's attachment reminder). */
  attachmentReminder: z.boolean().default(true),
  /** How long a sent message waits in the outbox, undoable, before it goes (the composer's). */
  undoSendSeconds: z.number().int().min(0).max(MAX_UNDO_SEND_SECONDS).default(10),
  notifications: z.boolean().default(true),
  /** Thunderbird's Work Offline: no connection to any server until turned off; changes and outgoing mail wait, journaled and queued. */
  workOffline: z.boolean().default(false),
  /** blocked: never load; ask: a button for every message; allowList: as ask, but senders on the list load at once. */
  remoteContent: z.enum(REMOTE_CONTENT_POLICIES).default('allowList'),
  remoteContentSenders: z.array(senderAddress).max(10_000).default([]),
  /** How message bodies are shown; the reading pane switches one message the other way. */
  bodyAs: z.enum(BODY_VIEWS).default('html'),
  /** Return receipts (RFC 8098) asked by senders: never sent without the user's answer; 'never' does not ask. */
  returnReceipts: z.enum(RETURN_RECEIPT_POLICIES).default('ask'),
  receiptCases: z
    .object({ notInToCc: z.enum(RECEIPT_CASE_POLICIES), outsideDomain: z.enum(RECEIPT_CASE_POLICIES), otherCases: z.enum(RECEIPT_CASE_POLICIES) })
    .strict()
    .default({ notInToCc: 'ask', outsideDomain: 'ask', otherCases: 'ask' }),
  /** How often the message filters that run periodically run over their account's Inbox (Thunderbird's 10 minutes). */
  periodicFilterMinutes: z.number().int().min(1).max(MAX_PERIODIC_FILTER_MINUTES).default(10),
  /** The adaptive junk filter on new mail in an Inbox, once trained (Thunderbird's default: mark, not move). */
  junkFilter: z.enum(JUNK_FILTER_MODES).default('mark'),
  markRead: z
    .object({ mode: z.enum(MARK_READ_MODES), delaySeconds: z.number().int().min(1).max(MAX_MARK_READ_DELAY_SECONDS) })
    .default({ mode: 'delay', delaySeconds: 2 }),
  /** The desktop app: closing the window hides it to the tray instead of quitting. */
  closeToTray: z.boolean().default(false),
  /** The desktop app: start (hidden in the tray when closeToTray) when the user logs in. */
  startAtLogin: z.boolean().default(false),
  panes: z.object({ folders: paneWidth, list: paneWidth }).default({ folders: 240, list: 420 }),
  /** The main window's panes: side by side, or the message under the list (View ▸ Layout). */
  layout: z.enum(MAIL_LAYOUTS).default('vertical'),
  /** Classic and Wide: the list's height in pixels (the message takes the rest); null until the divider is first dragged, two fifths of the height. */
  listPaneHeight: z.number().int().min(MIN_LIST_HEIGHT).max(MAX_LIST_HEIGHT).nullable().default(null),
  /** The message pane shown (Thunderbird's View ▸ Layout ▸ Message Pane, F8): hidden, a message opens in a window of its own. */
  messagePane: z.boolean().default(true),
  /**
   * A message window closes once its message is deleted or moved (Thunderbird's "Close message window/tab on move or
   * delete"); off, as in Thunderbird, it shows the next message of the folder instead, and closes at the folder's end.
   */
  closeMessageWindowOnMove: z.boolean().default(false),
  /** How folders' message lists are sorted (newest first unless the user chose otherwise). */
  listSort: ListSort.default(DEFAULT_LIST_SORT),
  /** Folders' lists arranged in threads (Thunderbird's View ▸ Threads), in the order of listSort. */
  listThreads: z.boolean().default(false),
  /**
   * Folders' lists show the messages of ignored threads (Thunderbird's View ▸ Threads ▸ Ignored Threads): off, they
   * are left out, as Thunderbird leaves them, and the list says how many.
   */
  showIgnoredThreads: z.boolean().default(false),
  /** Folders whose subfolders are folded away in the folder pane, by id, latest last: kept across restarts as Thunderbird keeps them. */
  foldersCollapsed: z.array(z.number().int().positive()).max(MAX_COLLAPSED_FOLDERS).default([]),
  /** Accounts folded away in the folder pane (Thunderbird's account rows), by id, 0 for the Local Folders: kept across restarts. */
  accountsCollapsed: z.array(z.number().int().min(0)).max(MAX_COLLAPSED_FOLDERS).default([]),
  /** Folders whose threads are all collapsed (Collapse All Threads), by id, latest last: kept across restarts as Thunderbird keeps it. */
  threadsCollapsedIn: z.array(z.number().int().positive()).max(MAX_FOLDERS_WITH_THREADS_COLLAPSED).default([]),
  /**
   * The threads turned away from their folder's default by hand (collapsed one by one, or expanded again after
   * Collapse All), by their first message, latest last; the folder turned last comes last. Kept across
   * restarts, as Thunderbird keeps them.
   */
  threadsTurnedIn: z
    .array(z.object({ folderId: z.number().int().positive(), turned: z.array(z.number().int().positive()).max(MAX_SAVED_TURNED_THREADS) }).strict())
    .max(MAX_FOLDERS_WITH_TURNED_THREADS)
    .default([]),
};

export const BodyDownload = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }).strict(),
  z.object({ mode: z.literal('recent'), days: z.number().int().min(1).max(3650) }).strict(),
  z.object({ mode: z.literal('onDemand') }).strict(),
]);

export const ACCOUNT_FIELDS = {
  /** Which bodies background syncs download for offline reading; the rest come when a message is opened. */
  bodyDownload: BodyDownload.default({ mode: 'onDemand' }),
  /** Minutes between background checks of the account's folders (the Inbox is pushed as well). */
  checkIntervalMinutes: z.number().int().min(1).max(24 * 60).default(5),
  /** Keep a copy of sent mail in the Sent folder (servers that file sent mail themselves want this off). */
  saveSentCopy: z.boolean().default(true),
  /**
   * One archive folder by default, not Thunderbird's yearly one: the folder a server marks \Archive is
   * where other clients (and the webmail) look, and a Gmail account's archive is All Mail, which has no subfolders.
   */
  archiveGranularity: z.enum(ARCHIVE_GRANULARITIES).default('single'),
  /** Where a reply starts (Thunderbird's "start my reply below / above the quote"); the signature follows the reply. */
  replyPosition: z.enum(REPLY_POSITIONS).default('above'),
};

export const AppSettings = z.object(APP_FIELDS).strict();
export const AccountSettings = z.object(ACCOUNT_FIELDS).strict();

export type AppSettings = z.infer<typeof AppSettings>;
export type AccountSettings = z.infer<typeof AccountSettings>;
export type BodyDownload = z.infer<typeof BodyDownload>;
export type Theme = AppSettings['theme'];
export type RemoteContentPolicy = AppSettings['remoteContent'];
export type BodyView = AppSettings['bodyAs'];
export type MailLayout = AppSettings['layout'];
export type ReturnReceiptPolicy = AppSettings['returnReceipts'];
export type ReceiptCase = keyof AppSettings['receiptCases'];
export type ReceiptCasePolicy = AppSettings['receiptCases'][ReceiptCase];
export type JunkFilterMode = AppSettings['junkFilter'];
export type MarkReadMode = AppSettings['markRead']['mode'];
export type ArchiveGranularity = AccountSettings['archiveGranularity'];
export type ReplyPosition = AccountSettings['replyPosition'];

export interface Settings {
  app: AppSettings;
  /** By account id; an account with nothing saved has the defaults. */
  accounts: Record<string, AccountSettings>;
}

/** What `settings.get` and `settings.update` give back. */
export interface SettingsView {
  settings: Settings;
  /** Values in the file that were wrong or unknown (each replaced by its default or ignored). */
  problems: string[];
  path: string;
}

type Defaulted = Record<string, z.ZodDefault<z.ZodType>>;
type WithoutDefaults<F extends Defaulted> = { [K in keyof F]: z.ZodOptional<ReturnType<F[K]['unwrap']>> };

/** The fields, each optional and without its default: a patch names only what it changes. */
function patchOf<F extends Defaulted>(fields: F) {
  const shape = Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.unwrap().optional()]));
  return z.object(shape as WithoutDefaults<F>).strict();
}

/** What `settings.update` takes: any subset of fields; each given field replaces the saved one whole. */
export const SettingsPatch = z
  .object({
    app: patchOf(APP_FIELDS).optional(),
    accounts: z.record(z.string().regex(/^[1-9]\d*$/, 'an account id'), patchOf(ACCOUNT_FIELDS)).optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
export type SettingsPatchInput = z.input<typeof SettingsPatch>;

export const DEFAULT_APP_SETTINGS: AppSettings = AppSettings.parse({});
export const DEFAULT_ACCOUNT_SETTINGS: AccountSettings = AccountSettings.parse({});

export function accountSettings(settings: Settings, accountId: number): AccountSettings {
  return settings.accounts[String(accountId)] ?? DEFAULT_ACCOUNT_SETTINGS;
}
