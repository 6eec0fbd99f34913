import { parseArgs } from 'node:util';
import { MESSAGE_TAGS, type MailOperationInput, type MessageFlag, type OperationReceipt } from '../../ipc/contract';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { byAccount, findFolder, findScope, messageIds } from '../find-by-name';
import { sendChanges } from '../send-changes';
import { combinedExitCode } from '../exit-codes';

/** One operation per account holding some of the messages, applied here at once and then sent. */
export async function applyAll(context: CliContext, operations: Map<number | null, MailOperationInput>, done: (affected: number) => string, alsoSend: (number | null)[] = []): Promise<number> {
  const receipts: (OperationReceipt & { accountId: number | null })[] = [];
  for (const [accountId, operation] of operations) receipts.push({ accountId, ...(await context.request('messages.apply', operation)) });
  const affected = receipts.reduce((sum, r) => sum + r.affected, 0);
  context.print(receipts, () => [done(affected)]);
  const codes: number[] = [];
  // The target first: a move into another account expunges the originals once the target has its copies.
  for (const accountId of new Set([...alsoSend, ...operations.keys()])) codes.push(await sendChanges(context, accountId, done(affected)));
  return combinedExitCode(codes);
}

export const plural = (n: number) => `${n} message${n === 1 ? '' : 's'}`;

/**
 * `wren move|copy ID... FOLDER [--to-account ACCOUNT]`: FOLDER is a path in the messages' own account, or in
 * ACCOUNT (another account, or "local" for the local folders).
 */
export async function moveOrCopyCommand(context: CliContext, kind: 'move' | 'copy', args: string[]): Promise<number> {
  const usage = `Usage: wren ${kind} ID... FOLDER [--to-account ACCOUNT]`;
  const { values, positionals } = parseArgs({ args, options: { 'to-account': { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length < 2) throw new WrenError('BadRequest', usage);
  const path = positionals[positionals.length - 1]!;
  const groups = await byAccount(context, messageIds(positionals.slice(0, -1), usage));
  const toAccount = values['to-account'];
  const target = toAccount === undefined ? undefined : await findScope(context, toAccount);
  // Every folder is found before anything changes, so a typo changes nothing.
  const operations = new Map<number | null, MailOperationInput>();
  for (const [accountId, ids] of groups) {
    operations.set(accountId, { kind, messageIds: ids, folderId: (await findFolder(context, target === undefined ? accountId : target, path)).id });
  }
  return applyAll(context, operations, (n) => `${kind === 'move' ? 'Moved' : 'Copied'} ${plural(n)} to ${path}`, target === undefined ? [] : [target]);
}

/** `wren delete ID... [--permanent]`: to the account's Trash; in Trash, or with --permanent, for good. */
export async function deleteCommand(context: CliContext, args: string[]): Promise<number> {
  const usage = 'Usage: wren delete ID... [--permanent]';
  const { values, positionals } = parseArgs({ args, options: { permanent: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const groups = await byAccount(context, messageIds(positionals, usage));
  const permanent = values.permanent ?? false;
  const operations = new Map<number | null, MailOperationInput>();
  for (const [accountId, ids] of groups) operations.set(accountId, { kind: 'delete', messageIds: ids, permanent });
  return applyAll(context, operations, (n) => `Deleted ${plural(n)}${permanent ? ' for good' : ''}`);
}

/** Archive as the toolbar's: into the account's archive folder, or its year or month subfolder as the account's settings say. */
export async function archiveCommand(context: CliContext, args: string[]): Promise<number> {
  const usage = 'Usage: wren archive ID...';
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const groups = await byAccount(context, messageIds(positionals, usage));
  const operations = new Map<number | null, MailOperationInput>();
  for (const [accountId, ids] of groups) operations.set(accountId, { kind: 'archive', messageIds: ids });
  return applyAll(context, operations, (n) => `Archived ${plural(n)}`);
}

const FLAG_OPTIONS = {
  seen: { type: 'boolean' },
  unseen: { type: 'boolean' },
  flagged: { type: 'boolean' },
  unflagged: { type: 'boolean' },
  tag: { type: 'string', multiple: true },
  untag: { type: 'string', multiple: true },
} as const;

/** Thunderbird's tags by the number of their key (1 to 5) or their English name. */
const TAG_NAMES = ['important', 'work', 'personal', 'todo', 'later'];

/** A --tag or --untag value as its keyword ($label1…); `all` (untag only) is every tag. */
function tagsNamed(values: readonly string[], option: string, usage: string): MessageFlag[] {
  return values.flatMap((value) => {
    const name = value.trim().toLowerCase().replace(/[\s-]/g, '');
    if (option === '--untag' && name === 'all') return [...MESSAGE_TAGS];
    const index = /^[1-5]$/.test(name) ? Number(name) - 1 : TAG_NAMES.indexOf(name);
    if (index < 0) throw new WrenError('BadRequest', `${option} takes 1 to 5 or ${TAG_NAMES.join(', ')}${option === '--untag' ? ', all' : ''}, not "${value}".\n${usage}`);
    return [MESSAGE_TAGS[index]!];
  });
}

/** The flags to add and remove from --seen/--unseen/--flagged/--unflagged/--tag/--untag; a flag both set and cleared is refused. */
export function flagChanges(
  values: { seen?: boolean; unseen?: boolean; flagged?: boolean; unflagged?: boolean; tag?: string[]; untag?: string[] },
  usage: string,
): { add: MessageFlag[]; remove: MessageFlag[] } {
  if (values.seen && values.unseen) throw new WrenError('BadRequest', `--seen and --unseen contradict each other.\n${usage}`);
  if (values.flagged && values.unflagged) throw new WrenError('BadRequest', `--flagged and --unflagged contradict each other.\n${usage}`);
  const add: MessageFlag[] = [];
  const remove: MessageFlag[] = [];
  if (values.seen) add.push('\\Seen');
  if (values.unseen) remove.push('\\Seen');
  if (values.flagged) add.push('\\Flagged');
  if (values.unflagged) remove.push('\\Flagged');
  add.push(...tagsNamed(values.tag ?? [], '--tag', usage));
  remove.push(...tagsNamed(values.untag ?? [], '--untag', usage));
  if (add.some((flag) => remove.includes(flag))) throw new WrenError('BadRequest', `A tag cannot be both added and removed.\n${usage}`);
  if (add.length + remove.length === 0) throw new WrenError('BadRequest', usage);
  return { add, remove };
}

/**
 * `wren flag ID... [--seen|--unseen] [--flagged|--unflagged] [--tag T]... [--untag T|all]...` (one of each
 * pair, several at once allowed); tags by number (1 Important … 5 Later, the app's keys) or name.
 */
export async function flagCommand(context: CliContext, args: string[]): Promise<number> {
  const usage = 'Usage: wren flag ID... [--seen|--unseen] [--flagged|--unflagged] [--tag 1-5|NAME]... [--untag 1-5|NAME|all]...';
  const { values, positionals } = parseArgs({ args, options: FLAG_OPTIONS, allowPositionals: true, strict: true });
  const { add, remove } = flagChanges(values, usage);
  const groups = await byAccount(context, messageIds(positionals, usage));
  const operations = new Map<number | null, MailOperationInput>();
  for (const [accountId, ids] of groups) operations.set(accountId, { kind: 'flags', messageIds: ids, add, remove });
  return applyAll(context, operations, (n) => `Changed the flags of ${plural(n)}`);
}
