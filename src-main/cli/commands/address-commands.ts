import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';

export const ADDRESS_USAGE = `addresses suggest TEXT [--limit N]   (the composer's suggestions: addresses seen in mail, most used first)
addresses forget ADDRESS             (out of the suggestions until mail stored later names it again)`;

/** `wren addresses suggest|forget`: the composer's address suggestions, through the same requests. */
export async function addressCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { limit: { type: 'string' } }, allowPositionals: true, strict: true });
  const [action, text, ...extra] = positionals;
  if (action === 'suggest' && text !== undefined && extra.length === 0) {
    const limit = Number(values.limit ?? '8');
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new WrenError('BadRequest', `--limit takes 1 to 50, not "${values.limit}".`);
    const found = await context.request('addresses.suggest', { query: text, limit });
    context.print(found, () => found.map((each) => `${each.name ? `${each.name} <${each.address}>` : each.address}\t${each.uses}`));
    return 0;
  }
  if (action === 'forget' && text !== undefined && extra.length === 0 && values.limit === undefined) {
    const result = await context.request('addresses.forget', { address: text });
    context.print(result, () => [result.forgotten ? `${text} will no longer be suggested.` : `${text} was not among the suggestions.`]);
    return 0;
  }
  throw new WrenError('BadRequest', `Usage: wren ${ADDRESS_USAGE.replace(/\n(?=addresses)/g, '\n       wren ')}`);
}
