import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { byAccount, messageIds } from '../find-by-name';
import { sendChanges } from '../send-changes';
import { plural } from './message-commands';

export const THREAD_USAGE = `thread ignore ID | thread unignore ID
                                 (Thunderbird's Ignore Thread: its mail marked read; new replies arrive read, unannounced)`;

/** `wren thread ignore|unignore ID`: the window's Ignore thread and Stop ignoring, on the thread of message ID. */
export async function threadCommand(context: CliContext, args: string[]): Promise<number> {
  const usage = `Usage: wren ${THREAD_USAGE}`;
  const [action, id, ...rest] = args;
  if ((action !== 'ignore' && action !== 'unignore') || id === undefined || rest.length > 0) throw new WrenError('BadRequest', usage);
  const [messageId] = messageIds([id], usage);
  // Whose server hears of the mail marked read; an unknown id is named here.
  const [accountId] = (await byAccount(context, [messageId!])).keys();
  const ignore = action === 'ignore';
  const result = await context.request('messages.ignoreThread', { messageId: messageId!, ignore });
  const done = ignore
    ? `Ignoring the thread of message ${messageId}: ${plural(result.markedRead)} marked read; new mail in it arrives read, without a notification`
    : `Watching the thread of message ${messageId} again: new mail in it arrives unread`;
  context.print(result, () => [done]);
  return result.operationId === null ? 0 : sendChanges(context, accountId ?? null, done);
}
