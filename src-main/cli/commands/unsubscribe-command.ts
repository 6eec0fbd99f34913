import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { ListUnsubscribe } from '../../ipc/contract';
import type { CliContext } from '../cli-context';
import { EXIT } from '../exit-codes';
import { confirm } from '../prompt-confirm';

export const UNSUBSCRIBE_USAGE = `unsubscribe MESSAGE_ID [--yes]   (leave the message's mailing list: one click where the list signed it with DKIM,
                                  after asking unless --yes; otherwise prints the list's page and address to use)`;

/** `wren unsubscribe MESSAGE_ID`: the reading pane's Unsubscribe, through the same requests. */
export async function unsubscribeCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { yes: { type: 'boolean', short: 'y' } }, allowPositionals: true, strict: true });
  const messageId = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isSafeInteger(messageId) || messageId <= 0) throw new WrenError('BadRequest', `Usage: wren ${UNSUBSCRIBE_USAGE}`);
  const list = await context.request('messages.mailingList', { messageId });
  const ways = list?.unsubscribe;
  if (!ways) throw new WrenError('NotFound', `Message ${messageId} names no way to leave a mailing list (no List-Unsubscribe), or it cannot be read now.`);
  if (!ways.oneClick) {
    context.print({ unsubscribed: false, web: ways.web, mailto: ways.mailto }, () => waysOut(ways));
    return 0;
  }
  const host = new URL(ways.web!).host;
  if (!values.yes && !(await confirm(`Ask ${host} to stop sending you this list's mail (one-click unsubscription)?`))) {
    context.note('Nothing was sent.');
    return EXIT.failed;
  }
  await context.request('messages.unsubscribe', { messageId });
  context.print({ unsubscribed: true, host }, () => [`Unsubscribed: ${host} was asked to stop sending you this list's mail.`]);
  return 0;
}

/** What the user can do where the list offers no signed one click. */
function waysOut(ways: ListUnsubscribe): string[] {
  const lines = ['No one-click unsubscription here (the list offers none, or did not sign it with DKIM).'];
  if (ways.web) lines.push(`Open its page: ${ways.web}`);
  if (ways.mailto) lines.push(`Write to ${ways.mailto.to.join(', ')}${ways.mailto.subject ? ` with the subject "${ways.mailto.subject}"` : ''} (wren send).`);
  return lines;
}
