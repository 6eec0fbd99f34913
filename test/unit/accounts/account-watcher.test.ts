import { afterEach, describe, expect, it } from 'vitest';
import { AccountWatcher } from '../../../src-main/accounts/account-watcher';
import { EventBus } from '../../../src-main/app/event-bus';
import type { Events } from '../../../src-main/ipc/contract';
import { Store } from '../../../src-main/store/store';
import { tempStore } from '../store/temp-store';

function insertAccount(store: Store, email: string): number {
  return store.write(() => {
    store.secrets.put(`secret-${email}`, { scheme: 'test', sealed: Buffer.from([1]) });
    return store.accounts.insert({
      name: email, email, displayName: '', protocol: 'imap',
      incoming: { host: 'imap.example.test', port: 993, security: 'tls', user: email }, smtp: null,
      allowPlaintext: false, passwordSecretId: `secret-${email}`, trustedCertSha256: null, trustedCertPem: null,
    });
  });
}

describe('AccountWatcher', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  /** The app's store and watcher, and a second connection to the same database standing for the CLI. */
  function setup() {
    const app = tempStore();
    const other = new Store(app.dir);
    const events = new EventBus();
    const seen: Events['store.changed'][] = [];
    events.on('store.changed', (payload) => seen.push(payload));
    const added: number[][] = [];
    const removed: number[][] = [];
    const changed: number[][] = [];
    const watcher = new AccountWatcher(app.store, events, {
      onAdded: (ids) => added.push(ids), onRemoved: (ids) => removed.push(ids), onChanged: (ids) => changed.push(ids),
    }, 60_000);
    cleanups.push(() => {
      watcher.stop();
      other.close();
      app.dispose();
    });
    return { app, other, watcher, seen, added, removed, changed };
  }

  it('announces and hands over an account another connection added, once', () => {
    const { other, watcher, seen, added } = setup();
    const id = insertAccount(other, 'cli@example.test');
    watcher.poll();
    watcher.poll();
    expect(seen).toEqual([{ changes: [{ entity: 'accounts', ids: [id] }] }]);
    expect(added).toEqual([[id]]);
  });

  it('announces an account another connection removed', () => {
    const { app, other, watcher, seen, added, removed } = setup();
    const id = insertAccount(app.store, 'app@example.test');
    other.write(() => other.accounts.remove(id));
    watcher.poll();
    expect(seen).toEqual([{ changes: [{ entity: 'accounts', ids: [id] }] }]);
    expect(removed).toEqual([[id]]);
    expect(added).toEqual([]);
  });

  it('leaves this process’s own accounts to their handlers, and ignores other writes', () => {
    const { app, other, watcher, seen, added } = setup();
    insertAccount(app.store, 'app@example.test');
    other.db.exec("CREATE TABLE scratch (x); INSERT INTO scratch VALUES (1)");
    watcher.poll();
    expect(seen).toEqual([]);
    expect(added).toEqual([]);
  });

  it('hands over an account whose connection settings another connection changed, and not one only renamed', () => {
    const { app, other, watcher, seen, changed } = setup();
    const id = insertAccount(app.store, 'app@example.test');
    other.write(() => other.accounts.update(id, { name: 'Renamed', colour: '#123456' }));
    watcher.poll();
    expect(changed).toEqual([]);
    other.write(() => other.accounts.update(id, { incoming: { host: 'imap.example.test', port: 993, security: 'tls', user: 'someone-else@example.test' } }));
    watcher.poll();
    other.write(() => other.accounts.update(id, { trustedCertSha256: 'AB:CD' }));
    watcher.poll();
    expect(changed).toEqual([[id], [id]]);
    expect(seen.at(-1)).toEqual({ changes: [{ entity: 'accounts', ids: [id] }] });
  });

  it('tells a removed account from a new one another connection added in its place before the next look', () => {
    const { app, other, watcher, seen, added, removed } = setup();
    const first = insertAccount(app.store, 'first@example.test');
    const old = insertAccount(app.store, 'old@example.test');
    // `wren account remove old --yes && wren account add …` while the app looks elsewhere.
    other.write(() => other.accounts.remove(old));
    const fresh = insertAccount(other, 'new@example.test');
    watcher.poll();
    // The app must let go of the old account's connections (push on another server) and sync the new one.
    expect(removed).toEqual([[old]]);
    expect(added).toEqual([[fresh]]);
    expect(seen).toEqual([{ changes: [{ entity: 'accounts', ids: [fresh, old].filter((id, i, all) => all.indexOf(id) === i) }] }]);
    expect(app.store.accounts.list().map((a) => a.id)).toEqual([first, fresh]);
  });
});
