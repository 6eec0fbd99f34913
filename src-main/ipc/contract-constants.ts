/**
 * The contract's plain constants, in a file without zod: the store and the sync worker use them, and
 * importing them from the shapes would load zod and every request schema into the worker (about 0.8 MB
 * of its bundle and a slower start). The shapes re-export them, so the contract still offers them.
 */
import type { FolderRole, Pop3Policy } from './account-shapes';

/** What a POP3 account does with the server's copies when nothing else is chosen: keeps them. */
export const DEFAULT_POP3_POLICY: Pop3Policy = { leave: 'keep', deleteAfterDays: null, maxMessageKb: null };

/**
 * Thunderbird's five tags, as the IMAP keywords Thunderbird (and Wren) store them under: Important, Work,
 * Personal, To Do, Later. Kept on the server like any flag, so another client sees them too.
 */
export const MESSAGE_TAGS = ['$label1', '$label2', '$label3', '$label4', '$label5'] as const;
export type MessageTag = (typeof MESSAGE_TAGS)[number];

/** The tags among a message's keywords, in the tags' own order. */
export function tagsOf(keywords: readonly string[]): MessageTag[] {
  const lower = new Set(keywords.map((keyword) => keyword.toLowerCase()));
  return MESSAGE_TAGS.filter((tag) => lower.has(tag));
}

/** Whether the flags mark a message junk: $Junk, or Thunderbird's older Junk, whatever their case. */
export function isMarkedJunk(flags: readonly string[]): boolean {
  return flags.some((flag) => /^\$?junk$/i.test(flag));
}

/** Whether the flags mark a message forwarded: $Forwarded (RFC 5788's keyword, as Thunderbird sets it), whatever its case. */
export function isForwarded(flags: readonly string[]): boolean {
  return flags.some((flag) => flag.toLowerCase() === '$forwarded');
}

/** How many recipients a summary carries: enough for a list row, bounded for a list to a thousand people. */
export const SUMMARY_RECIPIENTS = 10;

/** What a folder's message list can be sorted by (messages.list), as Thunderbird's column headers offer. */
export const LIST_SORT_KEYS = ['date', 'from', 'subject', 'size', 'priority'] as const;

/** A folder's order: the key, and which way. */
export interface ListSort {
  by: (typeof LIST_SORT_KEYS)[number];
  descending: boolean;
}

/** Newest first, unless the user chose another order. */
export const DEFAULT_LIST_SORT: ListSort = { by: 'date', descending: true };

/** A key in its natural direction: date, size and priority largest (newest, highest) first, sender and subject A to Z. */
export function naturalListSort(by: ListSort['by']): ListSort {
  return { by, descending: by === 'date' || by === 'size' || by === 'priority' };
}

/** How many collapsed threads a threaded list names at most (the renderer keeps the latest collapsed). */
export const MAX_COLLAPSED_THREADS = 10_000;
/** Folders the settings remember with their subfolders folded away (app.foldersCollapsed), the latest folded. */
export const MAX_COLLAPSED_FOLDERS = 10_000;
/** Folders the settings remember with every thread collapsed (app.threadsCollapsedIn). */
export const MAX_FOLDERS_WITH_THREADS_COLLAPSED = 10_000;
/** Folders whose threads turned by hand the settings remember (app.threadsTurnedIn), the latest turned. */
export const MAX_FOLDERS_WITH_TURNED_THREADS = 200;
/** Threads turned by hand the settings remember per folder, the latest turned. */
export const MAX_SAVED_TURNED_THREADS = 1_000;

/** The quick filter's switches. */
export const LIST_FILTER_KEYS = ['unread', 'flagged', 'attachments', 'tagged'] as const;

/** Thunderbird's quick filter over a folder's list: each one set narrows it (unread and starred and with attachments). */
export interface ListFilter extends Partial<Record<(typeof LIST_FILTER_KEYS)[number], boolean>> {
  /**
   * Messages listed under the filter already: they stay while it is on even once they no longer match (one
   * being read is marked read), as Thunderbird keeps them until the filter is applied again.
   */
  keep?: number[];
  /**
   * Thunderbird's quick filter text: words each found in the sender, the recipients or the subject (in any
   * case, of any script, full-width or not; anywhere in them, so Chinese words too). The messages kept do not
   * escape it.
   */
  text?: string;
  /**
   * Not a switch of the quick filter but the view's: the messages of ignored threads are left out, whatever keeps
   * them (Thunderbird's View ▸ Threads ▸ Ignored Threads turned off; the renderer sends it unless
   * app.showIgnoredThreads). The list then says how many it left out (`ignored`).
   */
  hideIgnored?: boolean;
}

/** The longest quick filter text. */
export const MAX_FILTER_TEXT = 200;

/** The quick filter text's words; none when it is blank. */
export function filterWords(filter: ListFilter): string[] {
  return (filter.text ?? '').trim().split(/\s+/).filter(Boolean);
}

/** How many listed messages a filtered list keeps at most (the newest listed). */
export const MAX_KEPT_IN_FILTER = 1000;

/** Whether any switch of the filter is on, or it has words (the list is narrowed). */
export function isFiltered(filter: ListFilter): boolean {
  return LIST_FILTER_KEYS.some((key) => filter[key] === true) || filterWords(filter).length > 0;
}

/** Where templates are kept: Local Folders ▸ Templates (Thunderbird's name for it), made on first use. */
export const LOCAL_TEMPLATES = 'Templates';

/**
 * A folder of templates: Local Folders ▸ Templates, or an account's own Templates folder, Thunderbird's default
 * place for them on the server (at the top, or under INBOX on servers that nest every folder there), so the
 * templates written in Thunderbird start messages here too.
 */
export function isTemplatesFolder(folder: { accountId: number | null; path: string }): boolean {
  return folder.accountId === null ? folder.path === LOCAL_TEMPLATES : /^(inbox[./])?templates$/i.test(folder.path);
}

/**
 * The role a folder's list is shown and sorted by: its own, and for a folder of templates, which hold the user's
 * own messages as Drafts does, the recipients instead of the sender (as Thunderbird shows them there).
 */
export function listRoleOf(folder: { accountId: number | null; path: string; role: FolderRole | null }): FolderRole | null {
  return folder.role ?? (isTemplatesFolder(folder) ? 'drafts' : null);
}

/**
 * The reading pane's Text Encoding (Thunderbird's View ▸ Text Encoding): a message's text read again as one of
 * these, whatever its label says, when the sender's mailer labelled it wrongly (GBK sent as ISO-8859-1).
 */
export const TEXT_ENCODINGS = ['utf-8', 'gbk', 'big5', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'euc-kr', 'windows-1252', 'windows-1251', 'koi8-r'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** The five priorities Thunderbird's composer offers, X-Priority 1 to 5 (mime/message-priority.ts reads and maps them). */
export const SEND_PRIORITIES = ['highest', 'high', 'normal', 'low', 'lowest'] as const;
export type SendPriority = (typeof SEND_PRIORITIES)[number];

/** Fewer typed letters than this match too many Chinese names by their pinyin to help. */
export const FEWEST_PINYIN_LETTERS = 2;

/** Typed text as the letters a Chinese name's pinyin may begin with, lower case; null unless it is a few Latin letters. */
export function pinyinLetters(typed: string): string | null {
  const letters = typed.trim().toLowerCase();
  return letters.length < FEWEST_PINYIN_LETTERS || !/^[a-z]+$/.test(letters) ? null : letters;
}

/**
 * Whether typed text finds a name by its pinyin spellings (a ContactList's `spelling`, in the form of the store's
 * personNamePinyin: each spelling of the whole name after a space, of a later syllable on after a "~"), as the
 * Address Book's search does: "xmz" or "xiangmu" for 项目组, "zu" from a later syllable.
 */
export function spellingFinds(spelling: string, typed: string): boolean {
  const letters = pinyinLetters(typed);
  return letters !== null && (spelling.includes(` ${letters}`) || spelling.includes(`~${letters}`));
}

/** Thunderbird's "Unsent Messages": inside the Local Folders folder a removed account's mail is kept in, its unsent messages. */
export const UNSENT_FOLDER = 'Unsent';
