import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import { MAX_CONTACTS_PAGE } from '../../ipc/contract';
import type { CliContext } from '../cli-context';

export const ADDRESS_USAGE = `addresses suggest TEXT [--limit N]   (the composer's suggestions: addresses seen in mail, most used first)
addresses forget ADDRESS             (out of the suggestions and the Address Book until mail stored later names it again)
addresses list [TEXT]                (the Address Book, by name; TEXT: only names and addresses holding it)
addresses add ADDRESS [--name NAME]  (adds it, or names it: mail no longer renames it)
addresses export FILE.vcf | addresses import FILE.vcf   (vCard 4.0 out; 3.0 or 4.0 in)`;

const usage = () => new WrenError('BadRequest', `Usage: wren ${ADDRESS_USAGE.replace(/\n(?=addresses)/g, '\n       wren ')}`);

/** `wren addresses …`: the composer's suggestions and the Address Book, through the same requests as the window. */
export async function addressCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { limit: { type: 'string' }, name: { type: 'string' } }, allowPositionals: true, strict: true });
  const [action, text, ...extra] = positionals;
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
    context.print(contact, () => [`Saved ${contact.name ? `${contact.name} <${contact.address}>` : contact.address}.`]);
  } else if (action === 'export' && text !== undefined) {
    const { vcard, count } = await context.request('addresses.exportVcard', {});
    await writeFile(text, vcard);
    context.print({ count, file: text }, () => [`Wrote ${count} addresses to ${text}.`]);
  } else if (action === 'import' && text !== undefined) {
    const result = await context.request('addresses.importVcard', { vcard: await readFile(text, 'utf8') });
    context.print(result, () => [`Imported ${result.added} new addresses; ${result.updated} were already there (named as the file names them).`]);
  } else {
    throw usage();
  }
  return 0;
}
