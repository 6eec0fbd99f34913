import { afterEach, describe, expect, it } from 'vitest';
import { WrenError } from '../../../src-main/errors/wren-error';
import type { ServerFolder } from '../../../src-main/sync/server-folder';
import type { FolderRecord } from '../../../src-main/store/folders-repo';
import type { MailSource } from '../../../src-main/sync/mail-source';
import type { ServerQuota } from '../../../src-main/sync/server-quota';
import type { StoreChange } from '../../../src-main/ipc/contract';
import { syncAccount } from '../../../src-main/sync/sync-account';
import type { Store } from '../../../src-main/store/store';
import { tempStore } from '../store/temp-store';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

const inbox: ServerFolder = { path: 'INBOX', name: 'INBOX', parentPath: null, delimiter: null, role: 'inbox', selectable: true, subscribed: true };

/**
 * A source shaped like POP3's (one folder, no UIDs in sight) proves syncAccount
 * needs nothing IMAP; it records the order in which it was driven.
 */
function pop3LikeSource(calls: string[], refuse?: string, quotas: Array<ServerQuota | null | undefined> = [null]): MailSource {
  return {
    readQuota: async () => (calls.push('quota'), quotas.shift()),
    pushLocalChanges: async () => void calls.push('push'),
    listFolders: async () => (calls.push('list'), [inbox, { ...inbox, path: 'Locked', name: 'Locked', role: null }]),
    syncFolder: async (folder: FolderRecord) => {
      calls.push(`sync ${folder.path}`);
      if (folder.path === refuse) throw Object.assign(new Error('NO'), { responseStatus: 'NO' });
      return { newMessages: 3, removedMessages: 1, flagUpdates: 0 };
    },
    fetchBodies: async (folder: FolderRecord) => (calls.push(`bodies ${folder.path}`), 3),
    folderRefusal: (folder, error) =>
      (error as { responseStatus?: string }).responseStatus === 'NO' ? new WrenError('ServerSaid', `refused ${folder.path}`) : null,
  };
}

function pop3Account(store: Store): number {
  store.db.prepare("INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00')").run();
  return Number(store.db.prepare(
    `INSERT INTO accounts (name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
     VALUES ('a', 'a@test', 'pop3', 'h', 995, 'tls', 'a', 's', 0)`,
  ).run().lastInsertRowid);
}

describe('syncAccount over a MailSource', () => {
  it('pushes local changes first, then lists folders, then syncs each (Inbox first) with its bodies', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const account = pop3Account(t.store);
    const calls: string[] = [];
    const summary = await syncAccount(pop3LikeSource(calls), t.store, account, { bodies: true, onProgress: () => undefined });
    expect(calls).toEqual(['push', 'list', 'sync INBOX', 'bodies INBOX', 'sync Locked', 'bodies Locked', 'quota']);
    expect(summary).toMatchObject({ folders: 2, newMessages: 6, removedMessages: 2, bodiesFetched: 6 });
  });

  it('reports a folder the server refused and goes on with the next', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const account = pop3Account(t.store);
    const refused: string[] = [];
    const summary = await syncAccount(pop3LikeSource([], 'INBOX'), t.store, account, {
      bodies: false, onProgress: () => undefined, onFolderError: (path, error) => refused.push(`${path}: ${error.code}`),
    });
    expect(refused).toEqual(['INBOX: ServerSaid']);
    expect(summary.folders).toBe(1);
  });

  it('keeps the quota the source read after the folders; an unanswered reading leaves the last one, none removes it', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const account = pop3Account(t.store);
    const full = { storage: { used: 900 * 1024, limit: 1024 * 1024 }, messages: null };
    const source = pop3LikeSource([], undefined, [full, undefined, { ...full }, null]);
    const announced: StoreChange[][] = [];
    t.store.feed.onChanges((changes) => announced.push(changes.filter((change) => change.entity === 'accounts')));
    const sync = () => syncAccount(source, t.store, account, { bodies: false, onProgress: () => undefined });

    await sync();
    expect(t.store.quotas.get(account)).toMatchObject(full);
    expect(announced.flat()).toEqual([{ entity: 'accounts', ids: [account] }]);
    await sync();
    expect(t.store.quotas.get(account)).toMatchObject(full);
    await sync();
    // Read again with the same figures: kept, not announced (the window would reload its accounts for nothing).
    expect(announced.flat()).toHaveLength(1);
    await sync();
    expect(t.store.quotas.get(account)).toBeNull();
    expect(announced.flat()).toHaveLength(2);
  });
});
