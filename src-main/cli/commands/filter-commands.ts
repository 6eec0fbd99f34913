import { parseArgs } from 'node:util';
import type { ErrorShape } from '../../errors/error-codes';
import { WrenError } from '../../errors/wren-error';
import { FILTER_FIELDS, FILTER_OPERATORS, FORWARD_AS, MESSAGE_TAGS, type FilterCondition, type FilterLogAction, type ForwardAs, type MessageTag, type SendResult, type FilterOperator, type FolderView, type MessageFilter } from '../../ipc/contract';
import type { CliContext } from '../cli-context';
import { findAccount, findFolder } from '../find-by-name';
import { sendChanges } from '../send-changes';

export const FILTER_USAGE = `filter list ACCOUNT
filter add ACCOUNT --name N [--from T]... [--to T]... [--subject T]... [--if FIELD:OPERATOR:T]... [--any]
           [--redirect ADDRESS] [--forward ADDRESS [--forward-as inline|attachment]] [--reply-with TEMPLATE_ID] [--copy FOLDER] [--move FOLDER | --delete]
           [--local] [--read] [--flag] [--tag 1-5] [--when new-mail|after-sending|periodically|manual]...   (at least one condition
           and one action; --from/--to/--subject: contains T; --if: FIELD from|to|subject, OPERATOR contains|not-contains|
           is|is-not|begins|ends, e.g. --if subject:begins:[list]; FIELD size (T in KB) or age (T in days), OPERATOR
           greater|less, e.g. --if size:greater:5000, --if age:greater:30; FIELD status, OPERATOR is|is-not, T read|
           flagged|answered|attachment, e.g. --if status:is:attachment; FIELD priority, OPERATOR is|is-not, T high|normal|
           low; FIELD tag, OPERATOR is|is-not, T 1-5, e.g. --if tag:is-not:2; FIELD header:NAME, any header field, e.g.
           --if header:list-id:contains:dev.example.org; FIELD body, OPERATOR contains|not-contains, e.g.
           --if body:contains:invoice; --reply-with: a template (of Local Folders ▸ Templates or the account's
           own Templates folder), by its id in "wren list local Templates"; --local: the FOLDERs are local folders; --when: on new mail (without --when),
           after sending (on the Sent copy), periodically (over the Inbox, every app.periodicFilterMinutes), any of
           them (new-mail,periodically), or manual: only by "filter run")
filter remove ID | filter move ID up|down   (filters run in their order)
filter log ACCOUNT [--limit N] [--clear]   (what the filters did, newest first; --clear empties the log)
filter run ACCOUNT FOLDER [--filter ID]   (every enabled filter, or only ID, over the folder's messages)`;

const ADD_OPTIONS = {
  name: { type: 'string' },
  from: { type: 'string', multiple: true },
  to: { type: 'string', multiple: true },
  subject: { type: 'string', multiple: true },
  if: { type: 'string', multiple: true },
  any: { type: 'boolean' },
  move: { type: 'string' },
  copy: { type: 'string' },
  redirect: { type: 'string' },
  forward: { type: 'string' },
  'forward-as': { type: 'string' },
  'reply-with': { type: 'string' },
  local: { type: 'boolean' },
  delete: { type: 'boolean' },
  read: { type: 'boolean' },
  flag: { type: 'boolean' },
  tag: { type: 'string' },
  when: { type: 'string', multiple: true },
} as const;

/** `--when` words: Thunderbird's "Getting New Mail", "After Sending", "Periodically", "Manually Run" (a filter always runs by hand). */
const WHEN_WORDS = ['new-mail', 'after-sending', 'periodically', 'manual'] as const;

function runOnOf(written: string[] | undefined): MessageFilter['runOn'] {
  const words = (written ?? ['new-mail']).flatMap((each) => each.split(','));
  const unknown = words.find((word) => !(WHEN_WORDS as readonly string[]).includes(word));
  if (unknown !== undefined) throw new WrenError('BadRequest', `--when takes ${WHEN_WORDS.join(', ')}, not "${unknown}".`);
  return { newMail: words.includes('new-mail'), afterSending: words.includes('after-sending'), periodically: words.includes('periodically') };
}

/** When a filter runs by itself, as `filter list` says it: nothing for the usual (new mail only). */
function whenWords({ newMail, afterSending, periodically }: MessageFilter['runOn']): string {
  if (newMail && !afterSending && !periodically) return '';
  const moments = [newMail && 'on new mail', afterSending && 'after sending', periodically && 'periodically'].filter(Boolean);
  return `	(runs ${moments.length > 0 ? moments.join(' and ') : 'only when run by hand'})`;
}

function folderName(folder: FolderView | undefined): string | undefined {
  return folder && (folder.accountId === null ? `local ${folder.path}` : folder.path);
}

/** The operators as --if writes them (and `filter list` says them). */
const OPERATOR_WORDS: Record<FilterOperator, string> = {
  contains: 'contains', doesNotContain: 'not-contains', is: 'is', isNot: 'is-not', beginsWith: 'begins', endsWith: 'ends',
  isGreaterThan: 'greater', isLessThan: 'less',
};

/**
 * `--if FIELD:OPERATOR:TEXT` (the text may hold colons); `to` names the recipients, as --to does, and a header
 * field is `header:NAME` (`--if header:list-id:contains:dev`). The contract checks the rest (the operators a
 * field takes, a number's digits, a header's name).
 */
function conditionOf(written: string): FilterCondition {
  const [first, ...rest] = written.split(':');
  const field = first === 'to' ? 'recipients' : first;
  const header = field === 'header' ? rest.shift() : undefined;
  const [operatorWord, ...text] = rest;
  const operator = FILTER_OPERATORS.find((each) => OPERATOR_WORDS[each] === operatorWord);
  if (!FILTER_FIELDS.includes(field as FilterCondition['field']) || !operator || text.length === 0 || header === '') {
    throw new WrenError(
      'BadRequest',
      `--if takes FIELD:OPERATOR:TEXT, FIELD from, to, subject, size (KB), age (days), status, priority, tag (1-5), body or header:NAME, OPERATOR ${Object.values(OPERATOR_WORDS).join(', ')}; not "${written}".`,
    );
  }
  // A tag by its number, as --tag takes it (the contract refuses any other).
  const value = field === 'tag' && /^[1-5]$/.test(text.join(':')) ? MESSAGE_TAGS[Number(text[0]) - 1]! : text.join(':');
  return { field: field as FilterCondition['field'], ...(header !== undefined && { header }), operator, text: value };
}

/** A condition as `filter list` says it: sizes in KB, ages in days, statuses and priorities bare, tags by number, text quoted, a header field by its name. */
function conditionWords(condition: FilterCondition): string {
  const said = {
    size: `${condition.text} KB`, age: `${condition.text} days`, status: condition.text, priority: condition.text,
    tag: String(MESSAGE_TAGS.indexOf(condition.text as MessageTag) + 1),
  } as Partial<Record<FilterCondition['field'], string>>;
  const field = condition.field === 'header' ? `header ${condition.header}` : condition.field;
  return `${field} ${OPERATOR_WORDS[condition.operator]} ${said[condition.field] ?? `"${condition.text}"`}`;
}

function line(filter: MessageFilter, folders: FolderView[]): string {
  const conditions = filter.conditions.map(conditionWords).join(filter.match === 'all' ? ' and ' : ' or ');
  const { actions } = filter;
  const named = (id: number) => folderName(folders.find((f) => f.id === id)) ?? `(missing folder ${id})`;
  const doing = [
    actions.markRead && 'mark read', actions.flag && 'flag', actions.tag && `tag ${MESSAGE_TAGS.indexOf(actions.tag) + 1}`,
    actions.redirectTo !== null && `redirect to ${actions.redirectTo}`,
    actions.forwardTo !== null && `forward to ${actions.forwardTo}${actions.forwardAs === 'attachment' ? ' as an attachment' : ''}`,
    actions.replyTemplate !== null && `reply with template ${actions.replyTemplate}`,
    actions.copyTo !== null && `copy to ${named(actions.copyTo)}`,
    actions.moveTo !== null && `move to ${named(actions.moveTo)}`,
    actions.delete && 'delete',
  ].filter(Boolean);
  return `${filter.id}\t${filter.name}${filter.enabled ? '' : ' (off)'}\tif ${conditions}\tthen ${doing.join(', ')}${whenWords(filter.runOn)}`;
}

/** `wren filter list|add|remove|run`: message filters, through the same requests as the Settings screen. */
export async function filterCommand(context: CliContext, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list' && rest.length === 1) {
    const account = await findAccount(context, rest[0]);
    const [filters, own, local] = await Promise.all([
      context.request('filters.list', { accountId: account.id }), context.request('folders.list', { accountId: account.id }), context.request('folders.list', { accountId: null }),
    ]);
    context.print(filters, () => filters.map((filter) => line(filter, [...own, ...local])));
    return 0;
  }
  if (action === 'add') return addFilter(context, rest);
  if (action === 'remove' && rest.length === 1 && /^\d+$/.test(rest[0]!)) {
    const result = await context.request('filters.remove', { filterId: Number(rest[0]) });
    context.print(result, () => [`Filter ${rest[0]} removed.`]);
    return 0;
  }
  if (action === 'move' && rest.length === 2 && /^\d+$/.test(rest[0]!) && (rest[1] === 'up' || rest[1] === 'down')) {
    const filters = await context.request('filters.move', { filterId: Number(rest[0]), direction: rest[1] });
    const folders = filters.length ? [...(await context.request('folders.list', { accountId: filters[0]!.accountId })), ...(await context.request('folders.list', { accountId: null }))] : [];
    context.print(filters, () => filters.map((filter) => line(filter, folders)));
    return 0;
  }
  if (action === 'run') return runFilters(context, rest);
  if (action === 'log') return filterLog(context, rest);
  throw usage();
}

async function addFilter(context: CliContext, args: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({ args, options: ADD_OPTIONS, allowPositionals: true, strict: true });
  if (positionals.length !== 1 || !v.name) throw usage();
  const account = await findAccount(context, positionals[0]);
  const conditions: FilterCondition[] = [
    ...(v.from ?? []).map((text) => ({ field: 'from' as const, operator: 'contains' as const, text })),
    ...(v.to ?? []).map((text) => ({ field: 'recipients' as const, operator: 'contains' as const, text })),
    ...(v.subject ?? []).map((text) => ({ field: 'subject' as const, operator: 'contains' as const, text })),
    ...(v.if ?? []).map(conditionOf),
  ];
  if (v.tag !== undefined && !/^[1-5]$/.test(v.tag)) throw new WrenError('BadRequest', `--tag takes 1 to 5, not "${v.tag}".`);
  const forwardAs = v['forward-as'] ?? 'inline';
  if (!FORWARD_AS.includes(forwardAs as ForwardAs)) throw new WrenError('BadRequest', `--forward-as takes ${FORWARD_AS.join(' or ')}, not "${forwardAs}".`);
  if (v['forward-as'] !== undefined && v.forward === undefined) throw new WrenError('BadRequest', '--forward-as says how --forward sends: give --forward ADDRESS too.');
  if (v['reply-with'] !== undefined && !/^\d+$/.test(v['reply-with'])) throw new WrenError('BadRequest', `--reply-with takes a template's id (wren list local Templates), not "${v['reply-with']}".`);
  if (v.local && v.move === undefined && v.copy === undefined) throw new WrenError('BadRequest', '--local names where --move or --copy goes: give --move FOLDER or --copy FOLDER too.');
  const folderOf = async (path: string | undefined) => (path === undefined ? null : (await findFolder(context, v.local ? null : account.id, path)).id);
  const [moveTo, copyTo] = [await folderOf(v.move), await folderOf(v.copy)];
  const filter = await context.request('filters.save', {
    accountId: account.id, name: v.name, match: v.any ? 'any' : 'all', conditions,
    actions: {
      moveTo, copyTo, redirectTo: v.redirect ?? null, forwardTo: v.forward ?? null, forwardAs: forwardAs as ForwardAs,
      replyTemplate: v['reply-with'] === undefined ? null : Number(v['reply-with']), delete: v.delete ?? false, markRead: v.read ?? false, flag: v.flag ?? false,
      tag: v.tag === undefined ? null : MESSAGE_TAGS[Number(v.tag) - 1]!,
    },
    runOn: runOnOf(v.when),
  });
  const folders = [...(await context.request('folders.list', { accountId: account.id })), ...(await context.request('folders.list', { accountId: null }))];
  context.print(filter, () => [line(filter, folders)]);
  return 0;
}

async function runFilters(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { filter: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 2 || (values.filter !== undefined && !/^\d+$/.test(values.filter))) throw usage();
  const account = await findAccount(context, positionals[0]);
  const folder = await findFolder(context, account.id, positionals[1]);
  const result = await context.request('filters.run', { folderId: folder.id, ...(values.filter && { filterId: Number(values.filter) }) });
  const copies = result.copied > 0 ? `, made ${result.copied} cop${result.copied === 1 ? 'y' : 'ies'}` : '';
  const redirects = result.redirected > 0 ? `, redirected ${result.redirected}` : '';
  const forwards = result.forwarded > 0 ? `, forwarded ${result.forwarded}` : '';
  const replies = result.replied > 0 ? `, answered ${result.replied} with the template` : '';
  const done = `Filters matched ${result.matched} message${result.matched === 1 ? '' : 's'}, moved or deleted ${result.moved}${copies}${redirects}${forwards}${replies}`;
  if (result.redirectsFailed > 0) context.note(`${result.redirectsFailed} redirect${result.redirectsFailed === 1 ? '' : 's'} could not be handed to the outbox (is an outgoing server set?).`);
  if (result.forwardsFailed > 0) context.note(`${result.forwardsFailed} forward${result.forwardsFailed === 1 ? '' : 's'} could not be handed to the outbox (is an outgoing server set?).`);
  if (result.repliesFailed > 0) context.note(`${result.repliesFailed} repl${result.repliesFailed === 1 ? 'y' : 'ies'} could not be made (the template gone, offline, or no outgoing server?).`);
  if (result.unreadable > 0) {
    context.note(`${result.unreadable} message${result.unreadable === 1 ? '' : 's'} could not be read for the header or body conditions (offline?): those conditions held for none of them.`);
  }
  for (const filterId of result.missingFolders) context.note(`filter ${filterId} moves or copies to a folder that is gone: it did nothing and is turned off.`);
  context.print(result, () => [done]);
  return sendChanges(context, account.id, done);
}

function usage(): WrenError {
  return new WrenError('BadRequest', `Usage: wren ${FILTER_USAGE.replace(/\n(?=filter)/g, '\n       wren ')}`);
}

/** One thing the Filter Log says a filter did, in words. */
function didWords(action: FilterLogAction): string {
  const why = (error: ErrorShape) => `${error.message} [${error.code}]`;
  const went = ({ outcome, error }: SendResult) => (outcome === 'sent' ? '' : ` (${outcome}${error ? `: ${why(error)}` : ''})`);
  switch (action.kind) {
    case 'redirect':
    case 'forward':
      return `${action.kind === 'redirect' ? 'redirected' : 'forwarded'} to ${action.to}${went(action)}`;
    case 'reply':
      return `answered with "${action.template}"${went(action)}`;
    default:
      return changeWords(action) + (action.refused ? ` (refused by the server, undone here: ${why(action.refused)})` : '');
  }
}

function changeWords(action: Exclude<FilterLogAction, { kind: 'redirect' | 'forward' | 'reply' }>): string {
  switch (action.kind) {
    case 'move':
    case 'copy':
      return `${action.kind === 'move' ? 'moved' : 'copied'} to ${action.local ? 'local ' : ''}${action.folder}`;
    case 'delete':
      return 'deleted';
    case 'markRead':
      return 'marked read';
    case 'flag':
      return 'flagged';
    case 'tag':
      return `tagged ${MESSAGE_TAGS.indexOf(action.tag) + 1}`;
  }
}

/** `wren filter log ACCOUNT [--limit N] [--clear]`: Thunderbird's Filter Log, one line per filter and message. */
async function filterLog(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { limit: { type: 'string' }, clear: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1 || (values.limit !== undefined && !/^\d+$/.test(values.limit))) throw usage();
  const account = await findAccount(context, positionals[0]);
  if (values.clear) {
    const cleared = await context.request('filters.clearLog', { accountId: account.id });
    context.print(cleared, () => [`The filter log of ${account.name} is empty (${cleared.cleared} entr${cleared.cleared === 1 ? 'y' : 'ies'} removed).`]);
    return 0;
  }
  const entries = await context.request('filters.log', { accountId: account.id, limit: Number(values.limit ?? 50) });
  context.print(entries, () => entries.map((entry) => {
    const from = entry.from.name ? `${entry.from.name} <${entry.from.address}>` : entry.from.address;
    return `${new Date(entry.at).toISOString()}\t${entry.filterName}\t${from}\t"${entry.subject}"\t${entry.did.map(didWords).join(', ')}`;
  }));
  return 0;
}

