import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import { LIST_SORT_KEYS, naturalListSort, type ListSort, type MessageSummary } from '../../ipc/contract';
import type { CliContext } from '../cli-context';
import { findFolder, findScope } from '../find-by-name';

/** `wren folders ACCOUNT|local [--all]`: path, role, total, unread; --all adds unsubscribed folders, marked as such. */
export async function foldersCommand(context: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { all: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const all = values.all ?? false;
  const folders = await context.request('folders.list', { accountId: await findScope(context, positionals[0]), includeUnsubscribed: all });
  const rows = folders.map((f) => ({ path: f.path, role: f.role, total: f.total, unread: f.unread, ...(all ? { subscribed: f.subscribed } : {}) }));
  context.print(rows, () => rows.map((f) => `${f.path}\t${f.role ?? ''}\t${f.total}\t${f.unread}${f.subscribed === false ? '\t(unsubscribed)' : ''}`));
}

function flagsOf(m: MessageSummary): string[] {
  return [m.seen && '\\Seen', m.flagged && '\\Flagged', m.answered && '\\Answered', m.junk && '$Junk'].filter((f): f is string => Boolean(f));
}

/** The most one request returns; longer listings are fetched page by page. */
const PAGE_SIZE = 1000;

const LIST_OPTIONS = {
  limit: { type: 'string' }, offset: { type: 'string' }, sort: { type: 'string' }, reverse: { type: 'boolean' },
  unread: { type: 'boolean' }, flagged: { type: 'boolean' }, attachments: { type: 'boolean' }, tagged: { type: 'boolean' }, threads: { type: 'boolean' },
  collapsed: { type: 'boolean' }, text: { type: 'string' }, 'hide-ignored': { type: 'boolean' },
} as const;

const LIST_USAGE = 'Usage: wren list ACCOUNT FOLDER [--limit N] [--offset N] [--sort date|from|subject|size|priority] [--reverse] [--unread] [--flagged] [--attachments] [--tagged] [--text WORDS] [--threads [--collapsed]] [--hide-ignored]';

/**
 * `wren list ACCOUNT FOLDER [--limit N] [--offset N] [--sort date|from|subject|size|priority] [--reverse]`: newest
 * first unless sorted otherwise (by size largest first, by sender and subject A to Z; --reverse turns
 * any of them), from the cache; any length, paged underneath. --unread, --flagged, --attachments, --tagged: only those
 * (together: only those that are all of them). --text WORDS: only those whose sender, recipients or subject
 * hold every word (the quick filter's text box; the name the list shows also by its pinyin). --threads: arranged in threads as the app's threaded list,
 * each reply indented under what it answers (JSON: `thread`); with --collapsed each thread is one row, its
 * first message, followed by how many messages the thread holds (Thunderbird's Collapse All Threads).
 * --hide-ignored: without the messages of ignored threads, as the app's list unless its settings show them
 * (scripts see every message otherwise).
 */
export async function listCommand(context: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: LIST_OPTIONS, allowPositionals: true, strict: true });
  const accountId = await findScope(context, positionals[0]);
  if (!positionals[1]) throw new WrenError('BadRequest', LIST_USAGE);
  const sort = listSort(values.sort, values.reverse ?? false);
  const filter = { unread: values.unread, flagged: values.flagged, attachments: values.attachments, tagged: values.tagged, text: values.text, hideIgnored: values['hide-ignored'] };
  if (values.collapsed && !values.threads) throw new WrenError('BadRequest', `--collapsed goes with --threads. ${LIST_USAGE}`);
  const threads = values.threads ? { threads: { collapsed: [], collapseAll: values.collapsed ?? false, expanded: [] } } : {};
  const folder = await findFolder(context, accountId, positionals[1]);
  const limit = count(values.limit ?? '50', '--limit', 1);
  let offset = count(values.offset ?? '0', '--offset', 0);
  const messages: MessageSummary[] = [];
  while (messages.length < limit) {
    const page = await context.request('messages.list', { folderId: folder.id, offset, limit: Math.min(PAGE_SIZE, limit - messages.length), sort, filter, ...threads });
    messages.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  const rows = messages.map((m) => ({
    id: m.id, uid: m.uid, subject: m.subject, from: m.from, date: m.date === null ? null : new Date(m.date).toISOString(),
    flags: flagsOf(m), tags: m.tags ?? [], size: m.size, hasAttachments: m.hasAttachments,
    ...(m.thread && { thread: { depth: m.thread.depth, rootId: m.thread.rootId, size: m.thread.size, unread: m.thread.unread, collapsed: m.thread.collapsed } }),
  }));
  const indent = (depth = 0) => '  '.repeat(depth);
  context.print(rows, () => rows.map((m) => `${m.id}\t${m.date ?? ''}\t${m.from.name || m.from.address}\t${indent(m.thread?.depth)}${m.subject}${m.thread?.collapsed ? ` (${m.thread.size})` : ''}${m.flags.includes('$Junk') ? ' [junk]' : ''}`));
}

function count(text: string, flag: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new WrenError('BadRequest', `${flag} needs a whole number of at least ${min}.`);
  return value;
}

/** --sort and --reverse as the list's order: each key's natural direction (newest, largest; A to Z) unless reversed. */
function listSort(by: string | undefined, reverse: boolean): ListSort {
  const key = by ?? 'date';
  if (!(LIST_SORT_KEYS as readonly string[]).includes(key)) {
    throw new WrenError('BadRequest', `--sort takes ${LIST_SORT_KEYS.join(', ')}, not "${key}".`, { sort: key });
  }
  const natural = naturalListSort(key as ListSort['by']);
  return { ...natural, descending: natural.descending !== reverse };
}

/** `wren conversation MESSAGE_ID`: the messages of its conversation, oldest first, with their folders (as the reading pane shows them). */
export async function conversationCommand(context: CliContext, args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const messageId = Number(positionals[0]);
  if (!Number.isSafeInteger(messageId) || messageId <= 0) throw new WrenError('BadRequest', 'Usage: wren conversation MESSAGE_ID');
  const { messages } = await context.request('messages.conversation', { messageId });
  const rows = messages.map((m) => ({
    id: m.id, folder: m.folderPath, subject: m.subject, from: m.from, date: m.date === null ? null : new Date(m.date).toISOString(), flags: flagsOf(m),
  }));
  context.print(rows, () => rows.map((m) => `${m.id}\t${m.date ?? ''}\t${m.folder}\t${m.from.name || m.from.address}\t${m.subject}`));
}
