import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { SavedSearch } from '../../ipc/contract';
import type { CliContext } from '../cli-context';

export const SEARCHES_USAGE = `searches list                     (the saved searches: id, name, query; run one with search --saved NAME|ID)
searches save NAME QUERY          (saves the query under NAME, as the window's Save search)
searches rename NAME|ID NEWNAME | searches remove NAME|ID`;

const usage = () => new WrenError('BadRequest', `Usage: wren ${SEARCHES_USAGE.replace(/\n(?=searches)/g, '\n       wren ')}`);

/** `wren searches …`: the saved searches the window lists among its folders, through the same requests. */
export async function savedSearchCommand(context: CliContext, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [action, first, ...rest] = positionals;
  if (action === 'list' && first === undefined) {
    const searches = await context.request('searches.list', {});
    context.print(searches, () => searches.map((search) => `${search.id}\t${search.name}\t${search.query}`));
  } else if (action === 'save' && first !== undefined && rest.length > 0) {
    const saved = await context.request('searches.save', { name: first, query: rest.join(' ') });
    context.print(saved, () => [`Saved search ${saved.id}: ${saved.name}`]);
  } else if (action === 'rename' && first !== undefined && rest.length === 1) {
    const search = await findSavedSearch(context, first);
    const saved = await context.request('searches.save', { id: search.id, name: rest[0]!, query: search.query });
    context.print(saved, () => [`Renamed saved search ${saved.id} to ${saved.name}`]);
  } else if (action === 'remove' && first !== undefined && rest.length === 0) {
    const search = await findSavedSearch(context, first);
    const removed = await context.request('searches.remove', { searchId: search.id });
    context.print(removed, () => [`Removed saved search ${search.name}`]);
  } else {
    throw usage();
  }
  return 0;
}

/** A saved search by its id, or by its name (whatever the case). */
export async function findSavedSearch(context: CliContext, reference: string): Promise<SavedSearch> {
  const searches = await context.request('searches.list', {});
  const found = /^\d+$/.test(reference)
    ? searches.find((search) => search.id === Number(reference))
    : searches.find((search) => search.name.toLowerCase() === reference.toLowerCase());
  if (!found) throw new WrenError('NotFound', `No saved search "${reference}". Saved: ${searches.map((search) => search.name).join(', ') || 'none'}.`, { search: reference });
  return found;
}
