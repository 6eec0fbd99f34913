import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import { MAX_CONTACTS_PAGE } from '../../ipc/contract';
import type { CliContext } from '../cli-context';

export const ADDRESS_USAGE = `addresses suggest TEXT [--limit N]   (the composer's suggestions: addresses seen in mail, most used first)
addresses forget ADDRESS             (out of the suggestions and the Address Book until mail stored later names it again)
addresses list [TEXT]                (the Address Book, by name; TEXT: only names and addresses holding it)
addresses add ADDRESS [--name NAME]  (adds it, or names it: mail no longer renames it)
addresses export FILE.vcf | addresses import FILE.vcf   (vCard 4.0 out; 3.0 or 4.0 in)
addresses lists                      (the Address Book's lists: a name written in To stands for its members)
addresses list-save NAME ADDRESS...  (adds the list, or replaces its members; ADDRESS may be "Name <a@b>")
addresses list-remove NAME|ID`;

const usage = () => new WrenError('BadRequest', `Usage: wren ${ADDRESS_USAGE.replace(/\n(?=addresses)/g, '\n       wren ')}`);

/** `wren addresses …`: the composer's suggestions and the Address Book, through the same requests as the window. */
export async function addressCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { limit: { type: 'string' }, name: { type: 'string' } }, allowPositionals: true, strict: true });
  const [action, text, ...extra] = positionals;
  if (action === 'lists' || action === 'list-save' || action === 'list-remove') return listCommand(context, action, positionals.slice(1), values);
  if (extra.length > 0 || (values.limit !== undefined && action !== 'suggest') || (values.name !== undefined && action !== 'add')) throw usage();
  if (action === 'suggest' && text !== undefined) {
    const limit = Number(values.limit ?? '8');
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new WrenError('BadRequest', `--limit takes 1 to 50, not "${values.limit}".`);
    const found = await context.request('addresses.suggest', { query: text, limit });
    context.print(found, () => found.map((each) => `${each.name ? `${each.name} <${each.address}>` : each.address}\t${each.uses}`));
  } else if (action === 'forget' && text !== undefined) {
    const result = await context.request('addresses.forget', { address: text });
    context.print(result, () => [result.forgotten ? `${text} will no longer be suggested.` : `${text} was not among the suggestions.`]);
  } else if (action === 'list') {
    const page = await context.request('addresses.list', { query: text ?? '', limit: MAX_CONTACTS_PAGE });
    const more = page.total > page.items.length ? [`(${page.total - page.items.length} more: search with TEXT)`] : [];
    context.print(page, () => [...page.items.map((c) => `${c.address}\t${c.name}\t${c.uses}${c.saved ? '\tsaved' : ''}`), ...more]);
  } else if (action === 'add' && text !== undefined) {
    const contact = await context.request('addresses.save', { address: text, name: values.name ?? '' });
    const before = contact.previousName === null ? '' : ` (it was already there${contact.previousName && contact.previousName !== contact.name ? `, named ${contact.previousName}` : ''})`;
    context.print(contact, () => [`Saved ${contact.name ? `${contact.name} <${contact.address}>` : contact.address}${before}.`]);
  } else if (action === 'export' && text !== undefined) {
    const { vcard, count } = await context.request('addresses.exportVcard', {});
    await writeFile(text, vcard);
    context.print({ count, file: text }, () => [`Wrote ${count} addresses to ${text}.`]);
  } else if (action === 'import' && text !== undefined) {
    const result = await context.request('addresses.importVcard', { base64: (await readFile(text)).toString('base64') });
    const skipped = [
      result.skippedNoAddress ? `${result.skippedNoAddress} ${result.skippedNoAddress === 1 ? 'card' : 'cards'} skipped (no email address).` : '',
      result.skippedUnreadable ? `${result.skippedUnreadable} ${result.skippedUnreadable === 1 ? 'card' : 'cards'} skipped (unreadable).` : '',
    ].filter(Boolean);
    context.print(result, () => [`Imported ${result.added} new addresses; ${result.updated} were already there (named as the file names them).`, ...skipped]);
  } else {
    throw usage();
  }
  return 0;
}

/** `wren addresses lists | list-save NAME ADDRESS... | list-remove NAME|ID`. */
async function listCommand(context: CliContext, action: string, args: string[], values: { limit?: string; name?: string }): Promise<number> {
  if (values.limit !== undefined || values.name !== undefined) throw usage();
  if (action === 'lists' && args.length === 0) {
    // The pinyin spellings are the composer's, to find a list by them: a script gets the list itself.
    const lists = (await context.request('addresses.lists', {})).map(({ id, name, members }) => ({ id, name, members }));
    context.print(lists, () => lists.map((list) => `${list.id}\t${list.name}\t${list.members.map((m) => m.address).join(', ')}`));
  } else if (action === 'list-save' && args.length >= 2) {
    const [name, ...addresses] = args as [string, ...string[]];
    const existing = (await context.request('addresses.lists', {})).find((list) => list.name.toLowerCase() === name.toLowerCase());
    const saved = await context.request('addresses.saveList', { ...(existing && { id: existing.id }), name, members: addresses.map(member) });
    context.print(saved, () => [`Saved the list ${saved.name}: ${saved.members.length} member${saved.members.length === 1 ? '' : 's'}.`]);
  } else if (action === 'list-remove' && args.length === 1) {
    const lists = await context.request('addresses.lists', {});
    const found = lists.find((list) => String(list.id) === args[0] || list.name.toLowerCase() === args[0]!.toLowerCase());
    if (!found) throw new WrenError('NotFound', `No list "${args[0]}". Lists: ${lists.map((list) => list.name).join(', ') || 'none'}.`);
    const removed = await context.request('addresses.removeList', { listId: found.id });
    context.print(removed, () => [`Removed the list ${found.name}.`]);
  } else {
    throw usage();
  }
  return 0;
}

/** "Name <a@b>" or a bare address. */
function member(text: string): { name: string; address: string } {
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/.exec(text);
  return named ? { name: named[1]!.trim(), address: named[2]!.trim() } : { name: '', address: text.trim() };
}
