import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { byAccount, messageIds } from '../find-by-name';
import { sendChanges } from '../send-changes';
import { plural } from './message-commands';

export const THREAD_USAGE = `thread ignore ID | thread unignore ID | thread read ID
                               (Thunderbird's Ignore Thread: its mail marked read; new replies arrive read, unannounced;
                               read: its Mark Thread as Read)`;

/**
 * `wren thread ignore|unignore|read ID`: the window's Ignore thread, Stop ignoring and Mark thread as read, on the
 * thread of message ID (its conversation, in every folder of its account).
 */
export async function threadCommand(context: CliContext, args: string[]): Promise<number> {
  const usage = `Usage: wren ${THREAD_USAGE}`;
  const [action, id, ...rest] = args;
  if ((action !== 'ignore' && action !== 'unignore' && action !== 'read') || id === undefined || rest.length > 0) throw new WrenError('BadRequest', usage);
  const [messageId] = messageIds([id], usage);
  // Whose server hears of the mail marked read; an unknown id is named here.
  const [accountId] = (await byAccount(context, [messageId!])).keys();
  if (action === 'read') return markThreadRead(context, messageId!, accountId ?? null);
  const ignore = action === 'ignore';
  const result = await context.request('messages.ignoreThread', { messageId: messageId!, ignore });
  const done = ignore
    ? `Ignoring the thread of message ${messageId}: ${plural(result.markedRead)} marked read; new mail in it arrives read, without a notification`
    : `Watching the thread of message ${messageId} again: new mail in it arrives unread`;
  context.print(result, () => [done]);
  return result.operationId === null ? 0 : sendChanges(context, accountId ?? null, done);
}

/** The unread messages of the conversation, marked read in one operation (sent to the server before returning). */
async function markThreadRead(context: CliContext, messageId: number, accountId: number | null): Promise<number> {
  const result = await context.request('messages.markThreadRead', { messageId });
  if (result.operationId === null) {
    context.print(result, () => [`Every message of the thread of message ${messageId} is read already`]);
    return 0;
  }
  const done = `Marked ${plural(result.markedRead)} of the thread of message ${messageId} read`;
  context.print(result, () => [done]);
  return sendChanges(context, accountId, done);
}
