import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { MailOperationInput } from '../../ipc/contract';
import type { CliContext } from '../cli-context';
import { byAccount, findAccount, findFolder, messageIds } from '../find-by-name';
import { sendChanges } from '../send-changes';
import { applyAll, plural } from './message-commands';

export const JUNK_USAGE = `junk ID... [--not]              (junk: to the Junk folder, $Junk, and the junk filter learns it; --not: back)
junk status | junk reset        (what the junk filter learnt from those marks; reset forgets it all)
junk run ACCOUNT FOLDER         (the junk filter over a folder: marks what it finds junk, or moves it, as set)`;

const usage = () => new WrenError('BadRequest', `Usage: wren ${JUNK_USAGE.replace(/\n(?=junk)/g, '\n       wren ')}`);

/** `wren junk …`: Junk and Not Junk as the window's buttons (the filter learns from them), and the filter's training and run. */
export async function junkCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { not: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const [action, ...rest] = positionals;
  if (action !== undefined && /^\d+$/.test(action)) return markJunk(context, positionals, !values.not);
  if (values.not) throw usage();
  if (action === 'status' && rest.length === 0) {
    const status = await context.request('junk.status', {});
    context.print(status, () => [statusLine(status)]);
    return 0;
  }
  if (action === 'reset' && rest.length === 0) {
    const status = await context.request('junk.reset', {});
    context.print(status, () => ['The junk filter forgot its training.']);
    return 0;
  }
  if (action === 'run' && rest.length === 2) {
    const account = await findAccount(context, rest[0]);
    const folder = await findFolder(context, account.id, rest[1]!);
    const result = await context.request('junk.runOnFolder', { folderId: folder.id });
    const done = `Scored ${plural(result.examined)}: ${result.junk} junk`;
    if (result.examined === 0 && !(await context.request('junk.status', {})).ready) context.note('the junk filter has not learnt yet: mark some junk and some good mail first (wren junk ID, wren junk ID --not).');
    context.print(result, () => [done]);
    return sendChanges(context, account.id, done);
  }
  throw usage();
}

async function markJunk(context: CliContext, ids: string[], junk: boolean): Promise<number> {
  const groups = await byAccount(context, messageIds(ids, usage().message));
  const operations = new Map<number | null, MailOperationInput>();
  for (const [accountId, messageIds] of groups) operations.set(accountId, { kind: 'junk', messageIds, junk });
  return applyAll(context, operations, (n) => `Marked ${plural(n)} ${junk ? 'junk' : 'not junk'}`);
}

function statusLine(status: { junk: number; good: number; tokens: number; ready: boolean }): string {
  const learnt = `Learnt from ${plural(status.junk)} marked junk and ${plural(status.good)} marked not junk (${status.tokens} tokens).`;
  return status.ready ? `${learnt} It scores new mail.` : `${learnt} It scores new mail once it has one of each.`;
}
