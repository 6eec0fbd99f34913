import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { findFolder, findScope } from '../find-by-name';
import { findSavedSearch } from './saved-search-commands';

const USAGE = 'Usage: wren search QUERY [--account NAME|local] [--folder PATH] [--limit N] [--server] | wren search --saved NAME|ID [--limit N] [--server]';

/**
 * `wren search QUERY`: the cache's full-text index, newest first, with no
 * network. Words must all match; "quoted phrases"; from:, to:, subject:,
 * body: narrow a term. --folder needs --account (a path names a folder only within one). --server first asks
 * the IMAP servers for the words in messages whose text is not downloaded, and downloads those (Search on server).
 */
export async function searchCommand(context: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args, options: { account: { type: 'string' }, folder: { type: 'string' }, limit: { type: 'string' }, saved: { type: 'string' }, server: { type: 'boolean' } }, allowPositionals: true, strict: true,
  });
  if (values.saved !== undefined && (positionals.length > 0 || values.account !== undefined || values.folder !== undefined)) throw new WrenError('BadRequest', USAGE);
  const query = values.saved === undefined ? positionals.join(' ').trim() : (await findSavedSearch(context, values.saved)).query;
  if (!query) throw new WrenError('BadRequest', USAGE);
  if (values.folder !== undefined && values.account === undefined) throw new WrenError('BadRequest', `--folder needs --account.\n${USAGE}`);
  const accountId = values.account === undefined ? undefined : await findScope(context, values.account);
  const folderId = values.folder === undefined ? undefined : (await findFolder(context, accountId ?? null, values.folder)).id;
  const limit = Number(values.limit ?? '50');
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw new WrenError('BadRequest', `--limit takes 1 to 1000.\n${USAGE}`);
  const accounts = new Map((await context.request('accounts.list', {})).map((account) => [account.id, account.name]));
  const server = values.server ? await context.request('messages.searchServer', { query, accountId, folderId }) : undefined;
  const result = await context.request('messages.search', { query, accountId, folderId, offset: 0, limit });
  const rows = result.items.map((m) => ({
    id: m.id, account: m.accountId === null ? 'local' : (accounts.get(m.accountId) ?? String(m.accountId)), folder: m.folderPath,
    date: m.date === null ? null : new Date(m.date).toISOString(), from: m.from, subject: m.subject,
  }));
  context.print({ total: result.total, unindexed: result.unindexed, textless: result.textless, ...(server && { server }), messages: rows }, () => [
    ...(server ? [`(the server found the words in ${server.found} message${server.found === 1 ? '' : 's'} whose text was not here; ${server.downloaded} downloaded)`] : []),
    ...rows.map((m) => `${m.id}\t${m.date ?? ''}\t${m.account}\t${m.folder}\t${m.from.name || m.from.address}\t${m.subject}`),
    ...(result.total > rows.length ? [`(${result.total - rows.length} more: --limit)`] : []),
    ...(result.unindexed > 0 ? [`(${result.unindexed} messages are not indexed yet and were not searched)`] : []),
    ...(result.textless > 0 ? [`(the text of ${result.textless} messages is not on this computer: only their headers were searched)`] : []),
  ]);
}
