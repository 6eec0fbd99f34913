import { realpathSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pop3Policy } from '../../../../src-main/ipc/contract';
import { Pop3Error, type Pop3Client } from '../../../../src-main/pop3/pop3-client';
import type { Store } from '../../../../src-main/store/store';
import { Pop3Source } from '../../../../src-main/sync/pop3-source';
import { syncAccount } from '../../../../src-main/sync/sync-account';
import { fsyncLog } from '../../store/fsync-log';
import { tempStore } from '../../store/temp-store';

vi.mock('node:fs', async (importOriginal) => (await import('../../store/fsync-log')).withFsyncLog(importOriginal));

type Message = { uidl: string; source: Buffer; listedSize?: number };

/** A maildrop in memory behind the Pop3Client interface; DELE marks, nothing is removed (the session is not QUIT here). */
function fakeMaildrop(messages: Message[]) {
  const deleted: string[] = [];
  const client = {
    capabilities: new Set(['UIDL', 'TOP', 'PIPELINING']),
    uidl: async () => messages.map((m, i) => ({ number: i + 1, uidl: m.uidl })),
    list: async () => messages.map((m, i) => ({ number: i + 1, size: m.listedSize ?? m.source.length })),
    retrBuffer: async (n: number) => messages[n - 1]!.source,
    top: (n: number, lines: number) => Readable.from([lines === 0 ? headerBlockOf(messages[n - 1]!.source) : messages[n - 1]!.source.subarray(0, 80)]),
    dele: async (n: number) => void deleted.push(messages[n - 1]!.uidl),
  } as Partial<Pop3Client> as Pop3Client;
  return { client, deleted };
}

const message = (n: number, body = 'Hello.') =>
  Buffer.from(`From: s${n}@example.test\r\nSubject: Message ${n}\r\nMessage-ID: <m${n}@example.test>\r\n\r\n${body}\r\n`);

const headerBlockOf = (source: Buffer) => source.subarray(0, source.indexOf('\r\n\r\n') + 4);

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function accountIn(store: Store): number {
  return store.write(() => {
    store.secrets.put('s1', { scheme: 'test', sealed: Buffer.from([1]) });
    return store.accounts.insert({
      name: 'Pop', email: 'me@example.test', displayName: '', protocol: 'pop3',
      incoming: { host: 'pop.example.test', port: 995, security: 'tls', user: 'me' }, smtp: null,
      allowPlaintext: false, passwordSecretId: 's1', trustedCertSha256: null, trustedCertPem: null,
    });
  });
}

async function check(store: Store, accountId: number, client: Pop3Client, policy: Partial<Pop3Policy> = {}) {
  const source = new Pop3Source(client, store, accountId, { policy: { leave: 'keep', deleteAfterDays: null, maxMessageKb: null, ...policy }, note: () => undefined });
  const summary = await syncAccount(source, store, accountId, { bodies: false, onProgress: () => undefined });
  return { ...summary, warnings: source.warnings };
}

function subjects(store: Store, accountId: number): string[] {
  const [inbox] = store.folders.list(accountId);
  return store.messages.page(inbox!.id, 0, 100).items.map((m) => m.subject).sort();
}

describe('Pop3Source with odd maildrops', () => {
  it('one check per sync however many local folders the account has: the Inbox downloads, its Sent, Drafts and Trash do not, each DELE once', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    t.store.write(() => {
      t.store.folders.ensureLocal(accountId, 'Sent', 'Sent', 'sent');
      t.store.folders.ensureLocal(accountId, 'Drafts', 'Drafts', 'drafts');
    });
    const drop = fakeMaildrop([{ uidl: 'a', source: message(1) }, { uidl: 'b', source: message(2) }]);
    const summary = await check(t.store, accountId, drop.client, { leave: 'delete' });
    expect(summary.newMessages).toBe(2);
    expect(drop.deleted).toEqual(['a', 'b']);
    const folders = t.store.folders.list(accountId).map((folder) => [folder.path, folder.role, folder.total]);
    expect(folders).toEqual([['INBOX', 'inbox', 2], ['Drafts', 'drafts', 0], ['Sent', 'sent', 0], ['Trash', 'trash', 0]]);
  });

  it('UIDLs given to two messages: neither is downloaded nor deleted; the rest is', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    const drop = fakeMaildrop([{ uidl: 'a', source: message(1) }, { uidl: 'x', source: message(2) }, { uidl: 'x', source: message(3) }]);
    await check(t.store, accountId, drop.client, { leave: 'delete' });
    expect(subjects(t.store, accountId)).toEqual(['Message 1']);
    expect(drop.deleted).toEqual(['a']);
  });

  it('UIDLs given to two messages: the check reports it as a coded warning', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    const drop = fakeMaildrop([{ uidl: 'a', source: message(1) }, { uidl: 'x', source: message(2) }, { uidl: 'x', source: message(3) }]);
    const summary = await check(t.store, accountId, drop.client);
    expect(summary.warnings).toEqual(['wren:Pop3UidlsDuplicated']);
  });

  it('a server that changed every UIDL: stored messages take the new UIDLs (Message-ID and size), only the new one is downloaded, with a warning', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    const first = await check(t.store, accountId, fakeMaildrop([1, 2, 3].map((n) => ({ uidl: `old${n}`, source: message(n) }))).client);
    expect(first.warnings).toEqual([]);
    const renumbered = fakeMaildrop([1, 2, 3, 4].map((n) => ({ uidl: `new${n}`, source: message(n) })));
    const summary = await check(t.store, accountId, renumbered.client, { leave: 'delete' });
    expect(summary.newMessages).toBe(1);
    expect(subjects(t.store, accountId)).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
    expect([...t.store.pop3Uidls.held(accountId).keys()].sort()).toEqual(['new1', 'new2', 'new3', 'new4']);
    expect(summary.warnings).toEqual(['wren:Pop3UidlsChanged']);
    // Held under their new UIDLs, the adopted messages are what the policy deletes.
    expect(renumbered.deleted.sort()).toEqual(['new1', 'new2', 'new3', 'new4']);
  });

  it('a server that changed its UIDLs and refuses TOP: nothing is downloaded a second time; the unrecognised wait, with a warning', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    await check(t.store, accountId, fakeMaildrop([1, 2].map((n) => ({ uidl: `old${n}`, source: message(n) }))).client);
    const renumbered = fakeMaildrop([1, 2].map((n) => ({ uidl: `new${n}`, source: message(n) })));
    renumbered.client.top = () => {
      const refused = new Readable({ read: () => undefined });
      queueMicrotask(() => refused.destroy(new Pop3Error('ServerSaid', 'refused', {}, '-ERR unknown command')));
      return refused;
    };
    const summary = await check(t.store, accountId, renumbered.client, { leave: 'delete' });
    expect(subjects(t.store, accountId)).toEqual(['Message 1', 'Message 2']);
    expect(summary.newMessages).toBe(0);
    expect(summary.warnings).toEqual(['wren:Pop3MessagesRefused']);
    expect(renumbered.deleted).toEqual([]);
  });

  it('an unknown UIDL whose Message-ID is stored but whose size differs is a message of its own: downloaded, no warning', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    await check(t.store, accountId, fakeMaildrop([{ uidl: 'old1', source: message(1) }]).client);
    const summary = await check(t.store, accountId, fakeMaildrop([{ uidl: 'new1', source: message(1, 'Another body, same Message-ID.') }]).client);
    expect(summary.newMessages).toBe(1);
    expect(summary.warnings).toEqual([]);
    expect(subjects(t.store, accountId)).toEqual(['Message 1', 'Message 1']);
  });

  it('a LIST size that is wrong: the message is stored as RETR delivered it, with its real size', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    const source = message(1, 'x'.repeat(5000));
    await check(t.store, accountId, fakeMaildrop([{ uidl: 'a', source, listedSize: 12 }]).client);
    const [inbox] = t.store.folders.list(accountId);
    const [row] = t.store.messages.page(inbox!.id, 0, 10).items;
    expect(row!.size).toBe(source.length);
    expect(t.store.bodies.source(row!.id)!.size).toBe(source.length);
  });

  it('a maildrop that shrinks between checks: local mail stays; a locally deleted UIDL gone from the server is forgotten', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    await check(t.store, accountId, fakeMaildrop([{ uidl: 'a', source: message(1) }, { uidl: 'b', source: message(2) }, { uidl: 'c', source: message(3) }]).client);
    const [inbox] = t.store.folders.list(accountId);
    const gone = t.store.messages.page(inbox!.id, 0, 10).items.find((m) => m.subject === 'Message 2')!;
    t.store.write(() => t.store.messageChanges.remove([gone.id]));
    const shrunk = fakeMaildrop([{ uidl: 'c', source: message(3) }]);
    const summary = await check(t.store, accountId, shrunk.client);
    expect(summary.newMessages).toBe(0);
    expect(subjects(t.store, accountId)).toEqual(['Message 1', 'Message 3']);
    expect([...t.store.pop3Uidls.held(accountId).keys()].sort()).toEqual(['a', 'c']);
  });

  it('over the size limit: stored from TOP, partial, with the listed size; never deleted while partial', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    const big = message(1, 'y'.repeat(4000));
    const drop = fakeMaildrop([{ uidl: 'big', source: big }]);
    await check(t.store, accountId, drop.client, { leave: 'delete', maxMessageKb: 1 });
    expect(t.store.pop3Uidls.held(accountId).get('big')).toMatchObject({ partial: true });
    const [inbox] = t.store.folders.list(accountId);
    expect(t.store.messages.page(inbox!.id, 0, 10).items[0]!.size).toBe(big.length);
    expect(drop.deleted).toEqual([]);
  });

  // TOP is optional (RFC 1939): without it, a message over the limit would otherwise never arrive.
  it('over the size limit on a server that refuses TOP: downloaded whole with RETR instead of never', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    const big = message(1, 'y'.repeat(4000));
    const drop = fakeMaildrop([{ uidl: 'big', source: big }, { uidl: 'small', source: message(2) }]);
    drop.client.top = () => {
      const refused = new Readable({ read: () => undefined });
      queueMicrotask(() => refused.destroy(new Pop3Error('ServerSaid', 'refused', {}, '-ERR unknown command')));
      return refused;
    };
    const summary = await check(t.store, accountId, drop.client, { leave: 'delete', maxMessageKb: 1 });
    expect(summary.warnings).toEqual([]);
    expect(subjects(t.store, accountId)).toEqual(['Message 1', 'Message 2']);
    expect(t.store.pop3Uidls.held(accountId).get('big')).toMatchObject({ partial: false });
    const [inbox] = t.store.folders.list(accountId);
    const stored = t.store.messages.page(inbox!.id, 0, 10).items.find((m) => m.subject === 'Message 1')!;
    expect(t.store.bodies.source(stored.id)!.size).toBe(big.length);
    expect(drop.deleted.sort()).toEqual(['big', 'small']);
  });

  it('a DELE goes out only once the WAL holding its UIDL is flushed: a power loss cannot take back the only copy left', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    const wal = `${realpathSync(t.store.db.name)}-wal`;
    // The fsyncs made since the last UIDL was recorded (its commit follows at once, in the same store.write).
    let sinceRecorded = 0;
    const record = t.store.pop3Uidls.record.bind(t.store.pop3Uidls);
    vi.spyOn(t.store.pop3Uidls, 'record').mockImplementation((...args) => {
      sinceRecorded = fsyncLog.length;
      record(...args);
    });
    const drop = fakeMaildrop([1, 2, 3].map((n) => ({ uidl: `u${n}`, source: message(n) })));
    const walFlushedAtDele: boolean[] = [];
    const dele = drop.client.dele.bind(drop.client);
    drop.client.dele = async (n: number) => {
      walFlushedAtDele.push(fsyncLog.slice(sinceRecorded).includes(wal));
      await dele(n);
    };
    await check(t.store, accountId, drop.client, { leave: 'delete' });
    expect(drop.deleted).toEqual(['u1', 'u2', 'u3']);
    // synchronous = NORMAL: a commit reaches the WAL file but not the disk; the server deletes for good at QUIT.
    expect(walFlushedAtDele).toEqual([true, true, true]);
  });

  it('a message over 8 MB (streamed to disk) whose RETR is refused is skipped, the others stored and deleted, with a warning; next time it comes', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    const big = message(2, 'x'.repeat(9 * 1024 * 1024));
    const drop = fakeMaildrop([{ uidl: 'u1', source: message(1) }, { uidl: 'u2', source: big }, { uidl: 'u3', source: message(3) }]);
    let refuse = true;
    drop.client.retr = (n: number) => {
      if (n !== 2 || !refuse) return Readable.from([big]);
      const refused = new Readable({ read: () => undefined });
      queueMicrotask(() => refused.destroy(new Pop3Error('ServerSaid', 'refused', {}, '-ERR Message 2 expunged.')));
      return refused;
    };
    const first = await check(t.store, accountId, drop.client, { leave: 'delete' });
    expect(first.warnings).toEqual(['wren:Pop3MessagesRefused']);
    expect(subjects(t.store, accountId)).toEqual(['Message 1', 'Message 3']);
    expect(drop.deleted).toEqual(['u1', 'u3']);
    refuse = false;
    const second = await check(t.store, accountId, drop.client, { leave: 'delete' });
    expect(second.warnings).toEqual([]);
    expect(subjects(t.store, accountId)).toEqual(['Message 1', 'Message 2', 'Message 3']);
  });

  // The words for Pop3NoUidl tell the user to choose "delete after downloading": that choice must then work.
  it('a server without UIDL, policy "download and delete": messages come once each, even when a check is cut before QUIT', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    const drop = fakeMaildrop([1, 2, 3].map((n) => ({ uidl: '', source: message(n) })));
    drop.client.uidl = () => Promise.reject(new Pop3Error('Pop3NoUidl', 'no UIDL', {}, '-ERR unknown command'));
    const first = await check(t.store, accountId, drop.client, { leave: 'delete' });
    expect(first.newMessages).toBe(3);
    expect(subjects(t.store, accountId)).toEqual(['Message 1', 'Message 2', 'Message 3']);
    expect(drop.deleted).toHaveLength(3);
    // That session was cut before QUIT: the server still has all three, and a fourth came.
    const again = fakeMaildrop([1, 2, 3, 4].map((n) => ({ uidl: '', source: message(n) })));
    again.client.uidl = drop.client.uidl;
    const second = await check(t.store, accountId, again.client, { leave: 'delete' });
    expect(second.newMessages).toBe(1);
    expect(subjects(t.store, accountId)).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
    expect(again.deleted).toHaveLength(4);
  });

  it('a server without UIDL while mail is left on it: Pop3NoUidl, nothing downloaded', async () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = accountIn(t.store);
    const drop = fakeMaildrop([{ uidl: '', source: message(1) }]);
    drop.client.uidl = () => Promise.reject(new Pop3Error('Pop3NoUidl', 'no UIDL', {}, '-ERR unknown command'));
    await expect(check(t.store, accountId, drop.client, { leave: 'keep' })).rejects.toMatchObject({ code: 'Pop3NoUidl' });
    expect(subjects(t.store, accountId)).toEqual([]);
  });
});
