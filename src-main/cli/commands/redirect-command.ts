import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { findAccount } from '../find-by-name';
import { reportSent, typedAddresses } from './send-command';

export const REDIRECT_USAGE = `redirect MESSAGE_ID --to ADDR [--to ..] [--account A]
                                 (sends the message on as it is, with Resent fields; --account for a Local Folders message)`;

/** `wren redirect`: Thunderbird's Redirect, through the same request as the window's; returns as `wren send` does. */
export async function redirectCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, options: { to: { type: 'string', multiple: true }, account: { type: 'string' } }, allowPositionals: true, strict: true,
  });
  const messageId = Number(positionals[0]);
  const to = typedAddresses(values.to);
  if (positionals.length !== 1 || !Number.isSafeInteger(messageId) || messageId <= 0 || to.length === 0) {
    throw new WrenError('BadRequest', `Usage: wren ${REDIRECT_USAGE}`);
  }
  const accountId = values.account === undefined ? undefined : (await findAccount(context, values.account)).id;
  const entry = await context.request('outbox.redirect', { messageId, to, ...(accountId !== undefined && { accountId }) });
  const [settled] = await context.request('outbox.wait', { outboxIds: [entry.id] });
  return reportSent(context, settled!);
}
