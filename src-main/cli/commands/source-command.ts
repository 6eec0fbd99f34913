import { pipeline } from 'node:stream/promises';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';

/**
 * `wren source MESSAGE_ID`: the raw message, byte for byte, to stdout;
 * streamed from the cache, downloaded (and cached) first when it is not there.
 */
export async function sourceCommand(context: CliContext, args: string[]): Promise<void> {
  const messageId = Number(args[0]);
  if (args.length !== 1 || !Number.isInteger(messageId) || messageId <= 0) throw new WrenError('BadRequest', 'Usage: wren source MESSAGE_ID');
  await pipeline(await context.local.openSource(messageId), context.out, { end: false });
}
