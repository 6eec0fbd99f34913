import { readFileSync } from 'node:fs';
import { connectImap, type Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';

/** Creates a local folder (and its parents) through the contract; returns its id. */
export async function localFolder(wren: TestCore, path: string): Promise<number> {
  let parentId: number | null = null;
  let at = '';
  for (const name of path.split('/')) {
    at = at ? `${at}/${name}` : name;
    const existing = (await wren.call('folders.list', { accountId: null })).find((f) => f.path === at);
    parentId = existing ? existing.id : (await wren.call('folders.create', { accountId: null, parentId, name })).id;
  }
  return parentId!;
}

export function localMessages(wren: TestCore, folderId: number) {
  return wren.core.store.messages.page(folderId, 0, 1000).items;
}

/** The bytes of a message's cached source. */
export function cachedSource(wren: TestCore, messageId: number): Buffer {
  const source = wren.core.store.bodies.source(messageId);
  if (!source) throw new Error(`message ${messageId} has no cached source`);
  return readFileSync(wren.core.store.blobs.pathOf(source.blob));
}

/** Another device's view: each message of a folder with its flags and raw source. */
export async function serverSources(lab: Lab, user: string, folder: string): Promise<{ uid: number; flags: string[]; source: Buffer; messageId: string }[]> {
  const client = await connectImap(lab, user);
  try {
    await client.mailboxOpen(folder, { readOnly: true });
    const all = await client.fetchAll('1:*', { uid: true, flags: true, source: true, envelope: true }, { uid: true }).catch(() => []);
    return all.map((m) => ({ uid: m.uid, flags: [...m.flags!].filter((f) => f !== '\\Recent').sort(), source: m.source!, messageId: m.envelope!.messageId! }));
  } finally {
    await client.logout();
  }
}
