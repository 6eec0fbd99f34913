import type { AccountRemoved } from '../ipc/contract';
import { UNSENT_FOLDER } from '../ipc/contract-constants';
import { importedHeaders } from '../mailfiles/imported-headers';
import type { AccountRecord } from '../store/accounts-repo';
import { MESSAGE_HEAD_BYTES } from '../store/blob-store';
import type { FolderRecord } from '../store/folders-repo';
import { LOCAL_DELIMITER } from '../store/local-folders-repo';
import type { OutboxRecord } from '../store/outbox-repo';
import type { Store } from '../store/store';

/** Where a removed account's mail went: the Local Folders path, and how many messages of each kind. */
export type KeptMail = NonNullable<AccountRemoved['kept']>;

/** An unsent message of the account, with its header block read for filing. */
export interface UnsentMessage {
  entry: OutboxRecord;
  head: Buffer;
}

/**
 * Readies what removing the account must not lose: the messages its Outbox had not sent. One whose stored
 * message lives only in its outbox row gets its blob file now, and each one's header block is read, so that
 * the removal's transaction does not wait on the disk.
 */
export async function prepareUnsent(store: Store, accountId: number): Promise<UnsentMessage[]> {
  const unsent: UnsentMessage[] = [];
  for (const entry of store.outbox.list(accountId).filter((each) => each.state !== 'sent')) {
    const kept = store.outbox.source(entry.id);
    if (kept) await store.blobs.writeBuffer(kept);
    unsent.push({ entry, head: kept ? kept.subarray(0, MESSAGE_HEAD_BYTES) : await store.blobs.head(entry.blob) });
  }
  return unsent;
}

/**
 * Inside the removal's transaction, moves into Local Folders ▸ <the account's address> what exists nowhere
 * else: the folders kept only on this computer (a POP3 account's; the server may have deleted its copies) that
 * hold mail, with that mail, and the unsent messages, filed in an Unsent folder there to be sent again (Edit
 * as New). An IMAP account's folders are the server's: added back, the account fetches them again. Null when
 * nothing needed keeping.
 */
export function keepAccountMail(store: Store, account: AccountRecord, unsent: UnsentMessage[]): KeptMail | null {
  const kept = foldersWithMail(store, account.id);
  if (kept.length === 0 && unsent.length === 0) return null;
  const home = store.localFolders.create(null, freeTopName(store, account.email));
  // Each folder keeps its row (and so its mail), under its parent if that came too, else under the new one.
  const moved = new Map<number, FolderRecord>();
  for (const folder of kept) {
    const parent = (folder.parentId !== null && moved.get(folder.parentId)) || home;
    store.localFolders.adopt(folder, parent, `${home.path}${LOCAL_DELIMITER}${localPath(folder)}`);
    moved.set(folder.id, folder);
  }
  if (unsent.length) fileUnsent(store, store.localFolders.create(home, UNSENT_FOLDER), unsent);
  store.feed.note({ entity: 'folders', accountId: null, ids: [home.id, ...moved.keys()] });
  return { folder: home.path, messages: kept.reduce((sum, folder) => sum + folder.total, 0), unsent: unsent.length };
}

/** The account's folders kept here only that hold mail, or hold a folder that does; parents first. */
function foldersWithMail(store: Store, accountId: number): FolderRecord[] {
  const local = store.folders.list(accountId).filter((folder) => folder.isLocal);
  const holds = (folder: FolderRecord): boolean =>
    folder.total > 0 || local.some((other) => other.parentId === folder.id && holds(other));
  return local.filter(holds).sort((a, b) => depth(a) - depth(b));
}

function depth(folder: FolderRecord): number {
  return folder.delimiter ? folder.path.split(folder.delimiter).length : 1;
}

/** The folder's path in Local Folders' terms: its own delimiter becomes theirs, and theirs inside a name is kept out. */
function localPath(folder: FolderRecord): string {
  const names = folder.delimiter ? folder.path.split(folder.delimiter) : [folder.path];
  return names.map((name) => name.replaceAll(LOCAL_DELIMITER, '∕')).join(LOCAL_DELIMITER);
}

/** The address, or "address (2)" and on when a top-level local folder has that name already. */
function freeTopName(store: Store, email: string): string {
  const taken = new Set(store.folders.listLocal().filter((folder) => folder.parentId === null).map((folder) => folder.name.toLowerCase()));
  let name = email.replaceAll(LOCAL_DELIMITER, '∕');
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${email} (${n})`;
  return name;
}

/** Each unsent message as a message of the folder, its source the outbox's stored message byte for byte. */
function fileUnsent(store: Store, folder: FolderRecord, unsent: UnsentMessage[]): void {
  for (const { entry, head } of unsent) {
    const [id] = store.messages.insertHeaders(folder.id, [{ ...importedHeaders(head, entry.size, entry.createdAt), flags: [] }]);
    store.bodies.saveSource(id!, { blob: entry.blob, size: entry.size });
    store.messages.setBodyState(id!, 'full');
  }
}
