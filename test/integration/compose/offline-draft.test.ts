import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { serverSubjects } from '../../lab/server-subjects';
import { startTcpProxy, type TcpProxy } from '../../lab/tcp-proxy';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * A draft written while the server cannot be reached is kept here (its row
 * in Drafts, without a UID) and reaches the server once the account is back,
 * exactly once; the sync that brings the account back must not take the
 * waiting row for a blank and drop it.
 */
let lab: Lab;
let proxy: TcpProxy;
let wren: TestCore;
let accountId: number;

beforeAll(async () => {
  lab = await startLab();
  proxy = await startTcpProxy(lab.ports.imaps);
  wren = startCore();
  const bob = lab.users[1]!;
  accountId = (await wren.call('accounts.add', labDraft(lab, bob, { incoming: { host: lab.host, port: proxy.port, security: 'tls', user: bob.email } }))).id;
  await wren.call('sync.run', { accountId });
}, 60_000);

afterAll(async () => {
  await wren?.dispose();
  await proxy?.close();
  await lab?.stop();
});

describe('drafts written offline', () => {
  it('are stored locally at once, then appended once when the account is back, surviving the sync that brings it back', async () => {
    const port = proxy.port;
    await proxy.close();
    wren.core.sessions.closeAccount(accountId);
    const saved = await wren.call('drafts.save', { accountId, to: [{ name: '', address: 'carol@example.test' }], subject: 'Written on the train', text: 'offline words' });
    expect(saved.stored).toBe('queued');
    const row = wren.core.store.messages.get(saved.draftMessageId)!;
    expect(row).toMatchObject({ uid: null, subject: 'Written on the train' });
    const reopened = await wren.call('compose.start', { mode: 'editDraft', messageId: saved.draftMessageId, language: 'en' });
    expect(reopened.text.trim()).toBe('offline words');

    proxy = await startTcpProxy(lab.ports.imaps, lab.host, port);
    await wren.call('sync.run', { accountId });
    expect(wren.core.store.messages.get(saved.draftMessageId)).toBeDefined();
    await wren.core.drafts.flush(accountId);
    await wren.core.drafts.flush(accountId);
    expect(await serverSubjects(lab, lab.users[1]!, 'Drafts')).toEqual(['Written on the train']);
    expect(wren.core.store.messages.get(saved.draftMessageId)!.uid).toEqual(expect.any(Number));
    expect(wren.core.store.pendingAppends.forAccount(accountId)).toEqual([]);
  });
});
