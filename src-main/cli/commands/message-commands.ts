import { parseArgs } from 'node:util';
import type { MailOperationInput, MessageFlag, OperationReceipt } from '../../ipc/contract';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { byAccount, findFolder, findScope, messageIds } from '../find-by-name';
import { sendChanges } from '../send-changes';
import { combinedExitCode } from '../exit-codes';

/** One operation per account holding some of the messages, applied here at once and then sent. */
async function applyAll(context: CliContext, operations: Map<number | null, MailOperationInput>, done: (affected: number) => string, alsoSend: (number | null)[] = []): Promise<number> {
  const receipts: (OperationReceipt & { accountId: number | null })[] = [];
  for (const [accountId, operation] of operations) receipts.push({ accountId, ...(await context.request('messages.apply', operation)) });
  const affected = receipts.reduce((sum, r) => sum + r.affected, 0);
  context.print(receipts, () => [done(affected)]);
  const codes: number[] = [];
  // The target first: a move into another account expunges the originals once the target has its copies.
  for (const accountId of new Set([...alsoSend, ...operations.keys()])) codes.push(await sendChanges(context, accountId, done(affected)));
  return combinedExitCode(codes);
}

const plural = (n: number) => `${n} message${n === 1 ? '' : 's'}`;

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

const FLAG_OPTIONS = {
  seen: { type: 'boolean' },
  unseen: { type: 'boolean' },
  flagged: { type: 'boolean' },
  unflagged: { type: 'boolean' },
} as const;

/** The flags to add and remove from --seen/--unseen/--flagged/--unflagged; a flag both set and cleared is refused. */
export function flagChanges(values: { seen?: boolean; unseen?: boolean; flagged?: boolean; unflagged?: boolean }, usage: string): { add: MessageFlag[]; remove: MessageFlag[] } {
  if (values.seen && values.unseen) throw new WrenError('BadRequest', `--seen and --unseen contradict each other.\n${usage}`);
  if (values.flagged && values.unflagged) throw new WrenError('BadRequest', `--flagged and --unflagged contradict each other.\n${usage}`);
  const add: MessageFlag[] = [];
  const remove: MessageFlag[] = [];
  if (values.seen) add.push('\\Seen');
  if (values.unseen) remove.push('\\Seen');
  if (values.flagged) add.push('\\Flagged');
  if (values.unflagged) remove.push('\\Flagged');
  if (add.length + remove.length === 0) throw new WrenError('BadRequest', usage);
  return { add, remove };
}

/** `wren flag ID... [--seen|--unseen|--flagged|--unflagged]` (one of each pair, both pairs at once allowed). */
export async function flagCommand(context: CliContext, args: string[]): Promise<number> {
  const usage = 'Usage: wren flag ID... [--seen|--unseen] [--flagged|--unflagged]';
  const { values, positionals } = parseArgs({ args, options: FLAG_OPTIONS, allowPositionals: true, strict: true });
  const { add, remove } = flagChanges(values, usage);
  const groups = await byAccount(context, messageIds(positionals, usage));
  const operations = new Map<number | null, MailOperationInput>();
  for (const [accountId, ids] of groups) operations.set(accountId, { kind: 'flags', messageIds: ids, add, remove });
  return applyAll(context, operations, (n) => `Changed the flags of ${plural(n)}`);
}
