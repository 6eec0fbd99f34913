import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListResponse } from 'imapflow';
import type { FolderView } from '../../../src-main/ipc/contract';
import { simpleMessage } from '../../lab/simple-message';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { startTcpProxy, type TcpProxy } from '../../lab/tcp-proxy';
import { labDraft, startCore, type TestCore } from './lab-core';

/** The server's folder list as another device sees it (LIST + subscription state). */
async function serverFolders(lab: Lab, user: string): Promise<Map<string, ListResponse>> {
  const client = await connectImap(lab, user);
  try {
    return new Map((await client.list()).map((entry) => [entry.path, entry]));
  } finally {
    await client.logout();
  }
}

/** A folder's messages as another device sees them. */
async function messagesOnServer(lab: Lab, user: string, path: string) {
  const client = await connectImap(lab, user);
  try {
    await client.mailboxOpen(path, { readOnly: true });
    return await client.fetchAll('1:*', { uid: true, envelope: true });
  } finally {
    await client.logout();
  }
}

describe('remote folder management against Dovecot', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const user = () => lab.users[2]!; // carol
  const folders = (includeUnsubscribed = false) => wren.call('folders.list', { accountId, includeUnsubscribed });
  /** Folder changes apply here at once; the server's list once the journal has been replayed. */
  const sentToServer = async () => {
    await wren.call('sync.run', { accountId, replayOnly: true });
    return serverFolders(lab, user().email);
  };
  const onServer = (path: string) => messagesOnServer(lab, user().email, path);
  const byPath = async (path: string, includeUnsubscribed = true): Promise<FolderView | undefined> =>
    (await folders(includeUnsubscribed)).find((f) => f.path === path);

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(user().email, 'Projects', [simpleMessage(1), simpleMessage(2)]);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, user()))).id;
    await wren.core.sync.run(accountId, false);
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('creates a folder nested under its parent with the server delimiter, subscribed, on the server and in the list at once', async () => {
    const parent = (await byPath('Projects'))!;
    const created = await wren.call('folders.create', { accountId, parentId: parent.id, name: 'Wren' });
    expect(created).toMatchObject({ path: 'Projects/Wren', name: 'Wren', parentId: parent.id, subscribed: true, role: null });
    expect(await byPath('Projects/Wren', false)).toMatchObject({ id: created.id });
    const remote = await sentToServer();
    expect(remote.get('Projects/Wren')).toMatchObject({ subscribed: true, delimiter: '/' });

    const top = await wren.call('folders.create', { accountId, parentId: null, name: 'Receipts' });
    expect(top).toMatchObject({ path: 'Receipts', parentId: null });
    await expect(wren.call('folders.create', { accountId, parentId: null, name: 'a/b' })).rejects.toMatchObject({ code: 'FolderNameInvalid', details: { delimiter: '/' } });
  });

  it('renames a folder in place: its subfolders follow and its cached mail stays with it', async () => {
    const projects = (await byPath('Projects'))!;
    const child = (await byPath('Projects/Wren'))!;
    expect((await wren.call('messages.list', { folderId: projects.id })).total).toBe(2);

    const renamed = await wren.call('folders.rename', { folderId: projects.id, name: 'Work' });
    expect(renamed).toMatchObject({ id: projects.id, path: 'Work', name: 'Work' });
    expect(await byPath('Work/Wren')).toMatchObject({ id: child.id, parentId: projects.id, name: 'Wren' });
    expect(await byPath('Projects')).toBeUndefined();
    // RENAME leaves subscriptions behind on Dovecot; they are carried over, so both still show.
    expect((await folders()).map((f) => f.path)).toEqual(expect.arrayContaining(['Work', 'Work/Wren']));
    expect((await wren.call('messages.list', { folderId: projects.id })).total).toBe(2);
    const remote = await sentToServer();
    expect([remote.has('Work'), remote.has('Work/Wren'), remote.has('Projects')]).toEqual([true, true, false]);
    expect([remote.get('Work')?.subscribed, remote.get('Work/Wren')?.subscribed]).toEqual([true, true]);

    // The next sync agrees: same folder, same messages, nothing fetched again.
    const summary = await wren.core.sync.run(accountId, false);
    expect(summary.newMessages).toBe(0);
    expect((await wren.call('messages.list', { folderId: projects.id })).total).toBe(2);
  });

  it('deletes a folder into Trash on the server and in the list; in Trash, for good', async () => {
    const receipts = (await byPath('Receipts'))!;
    expect(await wren.call('folders.delete', { folderId: receipts.id })).toEqual({ movedTo: 'Trash/Receipts', name: 'Receipts' });
    expect(await byPath('Receipts')).toBeUndefined();
    expect((await byPath('Trash/Receipts'))?.id).toBe(receipts.id);
    const moved = await sentToServer();
    expect([moved.has('Receipts'), moved.has('Trash/Receipts')]).toEqual([false, true]);
    expect(await wren.call('folders.delete', { folderId: receipts.id })).toEqual({ deleted: true });
    expect(await byPath('Trash/Receipts')).toBeUndefined();
    expect((await sentToServer()).has('Trash/Receipts')).toBe(false);
  });

  it('refuses to rename or delete special-use folders, with FolderProtected, and leaves the server as it was', async () => {
    const all = await folders();
    for (const role of ['inbox', 'trash', 'sent'] as const) {
      const folder = all.find((f) => f.role === role)!;
      await expect(wren.call('folders.delete', { folderId: folder.id })).rejects.toMatchObject({ code: 'FolderProtected' });
      await expect(wren.call('folders.rename', { folderId: folder.id, name: 'Elsewhere' })).rejects.toMatchObject({ code: 'FolderProtected' });
    }
    const remote = await sentToServer();
    expect(['INBOX', 'Trash', 'Sent'].every((path) => remote.has(path))).toBe(true);
    expect(remote.has('Elsewhere')).toBe(false);
  });

  it('hides an unsubscribed folder unless asked, and shows it again once subscribed', async () => {
    const work = (await byPath('Work'))!;
    const child = (await byPath('Work/Wren'))!;
    await wren.call('folders.subscribe', { folderId: child.id, subscribed: false });
    await wren.call('folders.subscribe', { folderId: work.id, subscribed: false });
    expect((await folders()).map((f) => f.path)).not.toContain('Work/Wren');
    expect((await folders()).map((f) => f.path)).not.toContain('Work');
    expect(await byPath('Work/Wren', true)).toMatchObject({ subscribed: false });
    expect((await sentToServer()).get('Work/Wren')?.subscribed).toBeFalsy();

    // A sync reads the subscription state back from the server (LSUB / LIST-SUBSCRIBED): still hidden.
    await wren.core.sync.run(accountId, false);
    expect((await folders()).map((f) => f.path)).not.toContain('Work/Wren');

    // A subscribed child keeps its unsubscribed parent in the tree.
    await wren.call('folders.subscribe', { folderId: child.id, subscribed: true });
    expect((await folders()).map((f) => f.path)).toEqual(expect.arrayContaining(['Work', 'Work/Wren']));
    expect((await sentToServer()).get('Work/Wren')?.subscribed).toBe(true);
    await wren.call('folders.subscribe', { folderId: work.id, subscribed: true });
    expect(await byPath('Work', false)).toMatchObject({ subscribed: true });
  });

  it('creates and renames a folder whose name needs modified UTF-7, and reads it back as written', async () => {
    const created = await wren.call('folders.create', { accountId, parentId: null, name: 'Café 日本' });
    expect(created).toMatchObject({ path: 'Café 日本', name: 'Café 日本' });
    let remote = await sentToServer();
    // On the wire the name travels in modified UTF-7 (RFC 3501 5.1.3); imapflow decodes it back.
    expect(remote.get('Café 日本')?.pathAsListed).toBe('Caf&AOk- &ZeVnLA-');

    const renamed = await wren.call('folders.rename', { folderId: created.id, name: 'Ünïcode' });
    expect(renamed).toMatchObject({ id: created.id, path: 'Ünïcode' });
    remote = await sentToServer();
    expect([remote.has('Ünïcode'), remote.has('Café 日本')]).toEqual([true, false]);
    await wren.core.sync.run(accountId, false);
    expect(await byPath('Ünïcode', false)).toMatchObject({ id: created.id, name: 'Ünïcode' });
  });

  it('a nested name with "&" and non-ASCII (日本語/Ünïcode & more): created, listed, filled, renamed and synced as written', async () => {
    await lab.seed(user().email, 'INBOX', [simpleMessage(70, { subject: 'Into UTF-7' })]);
    await wren.core.sync.run(accountId, false);
    const parent = await wren.call('folders.create', { accountId, parentId: null, name: '日本語' });
    const child = await wren.call('folders.create', { accountId, parentId: parent.id, name: 'Ünïcode & more' });
    expect(child).toMatchObject({ path: '日本語/Ünïcode & more', name: 'Ünïcode & more' });
    const inbox = (await folders()).find((f) => f.path === 'INBOX')!;
    const message = (await wren.call('messages.list', { folderId: inbox.id, offset: 0, limit: 100 })).items.find((m) => m.subject === 'Into UTF-7 70')!;
    await wren.call('messages.apply', { kind: 'copy', messageIds: [message.id], folderId: child.id });
    let remote = await sentToServer();
    // "&" itself is "&-" in modified UTF-7.
    expect(remote.get('日本語/Ünïcode & more')?.pathAsListed).toBe('&ZeVnLIqe-/&ANw-n&AO8-code &- more');
    expect((await onServer('日本語/Ünïcode & more')).map((m) => m.envelope?.subject)).toEqual(['Into UTF-7 70']);

    const renamed = await wren.call('folders.rename', { folderId: child.id, name: 'Ünïcode & less' });
    expect(renamed).toMatchObject({ id: child.id, path: '日本語/Ünïcode & less' });
    remote = await sentToServer();
    expect([remote.has('日本語/Ünïcode & less'), remote.has('日本語/Ünïcode & more')]).toEqual([true, false]);
    await wren.core.sync.run(accountId, false);
    const synced = await byPath('日本語/Ünïcode & less', false);
    expect(synced).toMatchObject({ id: child.id, name: 'Ünïcode & less' });
    const rows = await wren.call('messages.list', { folderId: child.id, offset: 0, limit: 10 });
    expect(rows.items.map((m) => m.subject)).toEqual(['Into UTF-7 70']);
  });

  describe('with the server out of reach', () => {
    let proxy: TcpProxy;
    let offline: TestCore;
    let offlineAccount: number;

    beforeAll(async () => {
      proxy = await startTcpProxy(lab.ports.imaps);
      offline = startCore();
      const draft = labDraft(lab, user());
      offlineAccount = (await offline.call('accounts.add', { ...draft, incoming: { ...draft.incoming, port: proxy.port } })).id;
      await offline.core.sync.run(offlineAccount, false);
      offline.core.sessions.closeAccount(offlineAccount);
      await proxy.close();
    });
    afterAll(async () => {
      await offline?.dispose();
    });

    it('applies every change here at once and queues it; the server is untouched until the account is back', async () => {
      const list = await offline.call('folders.list', { accountId: offlineAccount, includeUnsubscribed: true });
      const work = list.find((f) => f.path === 'Work')!;
      const later = await offline.call('folders.create', { accountId: offlineAccount, parentId: work.id, name: 'Later' });
      expect(later).toMatchObject({ path: 'Work/Later', subscribed: true });
      expect(await offline.call('folders.rename', { folderId: work.id, name: 'Later' })).toMatchObject({ path: 'Later' });
      await offline.call('folders.subscribe', { folderId: later.id, subscribed: false });
      const now = await offline.call('folders.list', { accountId: offlineAccount, includeUnsubscribed: true });
      expect(now.find((f) => f.id === later.id)).toMatchObject({ path: 'Later/Later', subscribed: false });
      expect(offline.core.store.operations.countUnfinished(offlineAccount)).toBe(3);
      const remote = await serverFolders(lab, user().email);
      expect([remote.has('Work'), remote.has('Work/Later'), remote.has('Later')]).toEqual([true, false, false]);
    });
  });
});
