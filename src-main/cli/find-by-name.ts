import type { AccountView, FolderView } from '../ipc/contract';
import { WrenError } from '../errors/wren-error';
import type { CliContext } from './cli-context';

/**
 * Accepts an account's id, name or email address, in that order of precedence: an id is never
 * taken for another account's name, nor a name for another's address. Words two accounts answer
 * to (the same address on two servers, both named after it) are refused, never settled by the
 * list's order: `wren account remove X --yes` would delete whichever came first.
 */
export async function findAccount(context: CliContext, reference: string | undefined): Promise<AccountView> {
  if (!reference) throw new WrenError('BadRequest', 'Name the account (its id, name or email; see "wren account list").');
  const accounts = await context.request('accounts.list', {});
  const tiers = [
    accounts.filter((a) => String(a.id) === reference),
    accounts.filter((a) => a.name === reference),
    accounts.filter((a) => a.email.toLowerCase() === reference.toLowerCase()),
  ];
  const matches = tiers.find((tier) => tier.length > 0);
  if (!matches) throw new WrenError('NotFound', `No account "${reference}" (see "wren account list").`);
  if (matches.length > 1) {
    const ids = matches.map((a) => a.id);
    throw new WrenError('BadRequest', `Accounts ${ids.join(', ')} all answer to "${reference}"; name the one you mean by its id (see "wren account list").`, { accountIds: ids });
  }
  return matches[0]!;
}

/** The name the CLI gives the shared Local Folders, as if they were an account. */
export const LOCAL = 'local';

/** An account's id, or null for "local" (the shared Local Folders). */
export async function findScope(context: CliContext, reference: string | undefined): Promise<number | null> {
  return reference === LOCAL ? null : (await findAccount(context, reference)).id;
}

/** Every folder of the account (or the local folders), subscribed or not, as the server names them. */
export function allFolders(context: CliContext, accountId: number | null): Promise<FolderView[]> {
  return context.request('folders.list', { accountId, includeUnsubscribed: true });
}

export async function findFolder(context: CliContext, accountId: number | null, path: string | undefined): Promise<FolderView> {
  if (!path) throw new WrenError('BadRequest', 'Name the folder by its path (see "wren folders ACCOUNT").');
  const folder = (await allFolders(context, accountId)).find((f) => f.path === path);
  if (!folder) throw new WrenError('NotFound', `No folder "${path}" in ${accountId === null ? 'the local folders' : 'that account'} (see "wren folders").`);
  return folder;
}

/** Message ids as typed: whole numbers above 0. */
export function messageIds(texts: string[], usage: string): number[] {
  if (texts.length === 0) throw new WrenError('BadRequest', usage);
  return texts.map((text) => {
    const id = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(id) || id <= 0) throw new WrenError('BadRequest', `"${text}" is not a message id.\n${usage}`);
    return id;
  });
}

/** The messages grouped by the account that holds them, null for the local folders (an operation applies within one). */
export async function byAccount(context: CliContext, ids: number[]): Promise<Map<number | null, number[]>> {
  const folderOwner = new Map<number, number | null>();
  for (const folder of await allFolders(context, null)) folderOwner.set(folder.id, null);
  for (const account of await context.request('accounts.list', {})) {
    for (const folder of await allFolders(context, account.id)) folderOwner.set(folder.id, account.id);
  }
  const groups = new Map<number | null, number[]>();
  for (const id of ids) {
    const { folderId } = await context.request('messages.summary', { messageId: id });
    const accountId = folderOwner.get(folderId);
    if (accountId === undefined) throw new WrenError('NotFound', `Message ${id} is in no account's folder.`);
    groups.set(accountId, [...(groups.get(accountId) ?? []), id]);
  }
  return groups;
}
