import type { FolderRole } from '../ipc/account-shapes';
import { MESSAGE_TAGS, type MessageTag } from '../ipc/contract-constants';

/**
 * What a search's operators ask for besides words: the state, the date, the
 * size and the tags of a message. Plain data, so it crosses to the search worker as it is.
 */
export interface SearchConditions {
  /** true: unread only; false: read only. */
  unread?: boolean;
  /** true: flagged (starred) only; false: not flagged. */
  flagged?: boolean;
  /** true: answered only; false: not answered (`-is:answered`). */
  answered?: boolean;
  /** true: with attachments only; false: without (`-has:attachment`). */
  attachments?: boolean;
  /** Sent on or after this instant (ms). */
  after?: number;
  /** Sent before this instant (ms). */
  before?: number;
  /** Larger than this many bytes. */
  larger?: number;
  /** Smaller than this many bytes. */
  smaller?: number;
  /** Carries each of these tags ($label1…$label5). */
  tags?: MessageTag[];
  /** Carries none of these tags (`-tag:work`). */
  withoutTags?: MessageTag[];
  /**
   * In any of these folders (`in:inbox`, `in:已发送`, `in:Projects/2026`): a special folder by its role's name in
   * English or Chinese, any other by its path or its own name, as typed (lower case). Any of them, not each: a
   * message lives in one folder.
   */
  folders?: string[];
  /** In none of these folders (`-in:trash`). */
  notFolders?: string[];
  /**
   * In any of these accounts (`account:work@example.com`, `account:"Home mail"`, `account:local`): an account by
   * its address or its name as the folder list shows it, the Local Folders by those words (see LOCAL_FOLDERS_NAMES);
   * as typed (lower case). With a saved search, a search folder over some accounts only.
   */
  accounts?: string[];
  /** In none of these accounts (`-account:work@example.com`). */
  notAccounts?: string[];
  /**
   * Operators joined by OR (`is:unread OR is:flagged`): in each group, the messages that match any of its
   * alternatives (each one operator's conditions). Several groups must all match, as the other conditions.
   */
  either?: SearchConditions[][];
}

/** The operators' names, as typed before the colon (Gmail's, which users of any client know). */
export const SEARCH_OPERATORS = ['is', 'has', 'in', 'account', 'before', 'after', 'older_than', 'newer_than', 'larger', 'smaller', 'tag'] as const;
export type SearchOperator = (typeof SEARCH_OPERATORS)[number];

export function isSearchOperator(name: string): name is SearchOperator {
  return (SEARCH_OPERATORS as readonly string[]).includes(name);
}

export function hasConditions(conditions: SearchConditions): boolean {
  return Object.keys(conditions).length > 0;
}

const STATES: Record<string, SearchConditions> = {
  unread: { unread: true },
  read: { unread: false },
  flagged: { flagged: true },
  starred: { flagged: true },
  unflagged: { flagged: false },
  unstarred: { flagged: false },
  answered: { answered: true },
  replied: { answered: true },
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One operator's value as conditions to add, or null when the value means
 * nothing to it (`before:soon`): the caller then searches it as text, as
 * with any other word before a colon. Dates are the user's local days, as
 * the list shows them; `older_than` and `newer_than` count back from `now`.
 */
export function readOperator(operator: SearchOperator, value: string, now: number): SearchConditions | null {
  const lower = value.toLowerCase();
  switch (operator) {
    case 'is':
      return STATES[lower] ?? null;
    case 'has':
      return lower === 'attachment' || lower === 'attachments' ? { attachments: true } : null;
    case 'in':
      return lower ? { folders: [lower] } : null;
    case 'account':
      return lower ? { accounts: [lower] } : null;
    case 'before':
    case 'after': {
      const day = localDay(value);
      return day === null ? null : { [operator]: day };
    }
    case 'older_than':
    case 'newer_than': {
      const instant = countBack(lower, now);
      if (instant === null) return null;
      return operator === 'older_than' ? { before: instant } : { after: instant };
    }
    case 'larger':
    case 'smaller': {
      const bytes = byteCount(lower);
      return bytes === null ? null : { [operator]: bytes };
    }
    case 'tag': {
      const tag = tagNamed(lower);
      return tag === null ? null : { tags: [tag] };
    }
  }
}

/**
 * Thunderbird's five tags by their number (its keys 1 to 5), their English names or their Chinese ones, as the
 * window shows them; "to do" may be written without its space.
 */
const TAG_NAMES: readonly (readonly string[])[] = [
  ['1', 'important', '重要'], ['2', 'work', '工作'], ['3', 'personal', '个人'], ['4', 'todo', 'to-do', '待办'], ['5', 'later', '稍后'],
];

function tagNamed(value: string): MessageTag | null {
  const index = TAG_NAMES.findIndex((names) => names.includes(value));
  return index < 0 ? null : MESSAGE_TAGS[index]!;
}

/**
 * What `-operator:value` asks: the opposite of one operator's conditions (readOperator gives one field at a
 * time). A day's "before" is "on or after" it, and a size "larger than" is "smaller than one byte more".
 */
export function negateConditions(asked: SearchConditions): SearchConditions {
  const negated: SearchConditions = {};
  if (asked.unread !== undefined) negated.unread = !asked.unread;
  if (asked.flagged !== undefined) negated.flagged = !asked.flagged;
  if (asked.answered !== undefined) negated.answered = !asked.answered;
  if (asked.attachments !== undefined) negated.attachments = !asked.attachments;
  if (asked.after !== undefined) negated.before = asked.after;
  if (asked.before !== undefined) negated.after = asked.before;
  if (asked.larger !== undefined) negated.smaller = asked.larger + 1;
  if (asked.smaller !== undefined) negated.larger = asked.smaller - 1;
  if (asked.tags) negated.withoutTags = asked.tags;
  if (asked.folders) negated.notFolders = asked.folders;
  if (asked.accounts) negated.notAccounts = asked.accounts;
  return negated;
}

/** Adds what one more operator asked: two dates or sizes narrow to the stricter, a contradiction finds nothing. */
export function mergeConditions(into: SearchConditions, more: SearchConditions): SearchConditions {
  const merged: SearchConditions = { ...into, ...more };
  if (into.after !== undefined && more.after !== undefined) merged.after = Math.max(into.after, more.after);
  if (into.before !== undefined && more.before !== undefined) merged.before = Math.min(into.before, more.before);
  if (into.larger !== undefined && more.larger !== undefined) merged.larger = Math.max(into.larger, more.larger);
  if (into.smaller !== undefined && more.smaller !== undefined) merged.smaller = Math.min(into.smaller, more.smaller);
  for (const list of ['tags', 'withoutTags', 'folders', 'notFolders', 'accounts', 'notAccounts'] as const) {
    if (into[list] && more[list]) merged[list] = [...new Set<string>([...into[list]!, ...more[list]!])] as MessageTag[];
  }
  if (into.either && more.either) merged.either = [...into.either, ...more.either];
  return merged;
}

/** A special folder's role by the names it goes by in the window, English or Chinese, and the common other names. */
const ROLE_NAMES: Record<string, FolderRole> = {
  inbox: 'inbox', 收件箱: 'inbox',
  sent: 'sent', 'sent mail': 'sent', 已发送: 'sent', 已发送邮件: 'sent',
  drafts: 'drafts', draft: 'drafts', 草稿: 'drafts', 草稿箱: 'drafts',
  trash: 'trash', bin: 'trash', deleted: 'trash', 已删除: 'trash', 已删除邮件: 'trash',
  junk: 'junk', spam: 'junk', 垃圾邮件: 'junk',
  archive: 'archive', archives: 'archive', 归档: 'archive', 存档: 'archive',
};

/** The role `in:name` means, or null for a folder named by its path or its own name. */
export function folderRoleNamed(name: string): FolderRole | null {
  return ROLE_NAMES[name] ?? null;
}

/** What `account:` calls the Local Folders (the folders of no account), in English or Chinese, as the folder list names them. */
const LOCAL_FOLDERS_NAMES: ReadonlySet<string> = new Set(['local', 'local folders', '本地', '本地文件夹']);

/** `account:name` means the Local Folders. */
export function namesLocalFolders(name: string): boolean {
  return LOCAL_FOLDERS_NAMES.has(name);
}

/** 2026-11-05, 2026/11/5, 2026.11.05 or 2026年11月5日 (after NFKC) as the start of that local day; null if no such day. */
function localDay(value: string): number | null {
  const match = /^(\d{4})[-/.\u5e74](\d{1,2})[-/.\u6708](\d{1,2})\u65e5?$/u.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  // Date rolls 2026-02-30 over into March: no such day was meant.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}

/** 7d, 2w, 3m, 1y: that long before now (months and years by the calendar). */
function countBack(value: string, now: number): number | null {
  const match = /^(\d{1,4})([dwmy])$/.exec(value);
  if (!match) return null;
  const count = Number(match[1]);
  const unit = match[2];
  if (unit === 'd') return now - count * DAY_MS;
  if (unit === 'w') return now - count * 7 * DAY_MS;
  const date = new Date(now);
  if (unit === 'm') date.setMonth(date.getMonth() - count);
  else date.setFullYear(date.getFullYear() - count);
  return date.getTime();
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** 500, 200k, 5M, 1.5MB: bytes, in the binary units a file manager shows. */
function byteCount(value: string): number | null {
  const match = /^(\d+(?:\.\d+)?)([a-z]*)$/.exec(value);
  const unit = match ? UNITS[match[2]!] : undefined;
  if (!match || unit === undefined) return null;
  return Math.round(Number(match[1]) * unit);
}
