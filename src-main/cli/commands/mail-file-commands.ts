import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { findFolder, findScope } from '../find-by-name';
import { sendChanges } from '../send-changes';

/** `wren export ACCOUNT FOLDER --mbox FILE | --eml DIR`: ACCOUNT may be "local". */
export async function exportCommand(context: CliContext, args: string[]): Promise<number> {
  const usage = 'Usage: wren export ACCOUNT FOLDER --mbox FILE | --eml DIR';
  const { values, positionals } = parseArgs({ args, options: { mbox: { type: 'string' }, eml: { type: 'string' } }, allowPositionals: true, strict: true });
  const path = values.mbox ?? values.eml;
  if (positionals.length !== 2 || !path || (values.mbox && values.eml)) throw new WrenError('BadRequest', usage);
  const folder = await findFolder(context, await findScope(context, positionals[0]), positionals[1]);
  const result = await context.request('folders.export', { folderId: folder.id, format: values.mbox ? 'mbox' : 'eml', path: resolve(path) });
  context.print(result, () => [`Exported ${result.exported} message${result.exported === 1 ? '' : 's'} of ${folder.path} to ${result.savedTo}`]);
  return 0;
}

/** `wren import ACCOUNT FOLDER FILE...`: mbox files and .eml files, told apart by their content. */
export async function importCommand(context: CliContext, args: string[]): Promise<number> {
  const usage = 'Usage: wren import ACCOUNT FOLDER FILE...   (mbox or .eml files)';
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length < 3) throw new WrenError('BadRequest', usage);
  const accountId = await findScope(context, positionals[0]);
  const folder = await findFolder(context, accountId, positionals[1]);
  const result = await context.request('folders.import', { folderId: folder.id, files: positionals.slice(2).map((file) => resolve(file)) });
  const skipped = result.skipped ? ` (skipped ${result.skipped} already there)` : '';
  const done = `Imported ${result.imported} message${result.imported === 1 ? '' : 's'} from ${result.files} file${result.files === 1 ? '' : 's'} into ${folder.path}${skipped}`;
  context.print(result, () => [done]);
  return sendChanges(context, accountId, done);
}
